package io.complexitynet.verifier.health;

import io.complexitynet.verifier.domain.Candidate;
import io.complexitynet.verifier.domain.CandidateResult;
import io.complexitynet.verifier.domain.Limits;
import io.complexitynet.verifier.domain.Verdict;
import io.complexitynet.verifier.domain.Verifier;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Ready only once a known-good and a known-bad candidate got the right verdicts through the real
 * sandbox and judge at start; not ready again from the moment shutdown begins.
 */
@Readiness
@ApplicationScoped
public class SandboxReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(SandboxReadiness.class);

    @Inject Verifier verifier;
    @Inject Limits defaults;
    private volatile String problem = "the sandbox self-check has not run yet";

    void onStart(@Observes StartupEvent event) {
        try {
            List<CandidateResult> results = verifier.verify(List.of(
                    new Candidate("self-check-pass", "def answer():\n    return 42\n", "", List.of("assert answer() == 42"), defaults),
                    new Candidate("self-check-fail", "def answer():\n    return 41\n", "", List.of("assert answer() == 42"), defaults)));
            boolean passOk = results.get(0).verdict() instanceof Verdict.Passed;
            boolean failOk = results.get(1).verdict() instanceof Verdict.Failed;
            problem = passOk && failOk ? null : "sandbox self-check got " + results.get(0).verdict() + " and " + results.get(1).verdict();
        } catch (RuntimeException e) {
            problem = "sandbox self-check failed: " + e.getMessage();
        }
        if (problem == null) {
            LOG.infof("sandbox self-check passed (backend=%s)", verifier.sandboxName());
        } else {
            LOG.error(problem);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        problem = "shutting down";
        verifier.stopAccepting();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("sandbox")
                .status(problem == null)
                .withData("backend", verifier.sandboxName())
                .withData("detail", problem == null ? "self-check passed" : problem)
                .build();
    }
}
