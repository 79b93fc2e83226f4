package io.complexitynet.verifier.metrics;

import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.verifier.domain.CandidateResult;
import io.complexitynet.verifier.domain.Sandbox;
import io.complexitynet.verifier.domain.Verdict;
import io.complexitynet.verifier.domain.Verifier;
import io.complexitynet.verifier.sandbox.BubblewrapSandbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/** Prometheus metrics: verdicts by kind, candidate latency, queue depth against its capacity, and sandbox starts. */
// Started eagerly so the gauges are scraped from the first moment, not after the first batch.
@Startup
@ApplicationScoped
public class VerifierMetrics {

    private final MeterRegistry registry;
    private final Timer candidateTime;

    VerifierMetrics(MeterRegistry registry, Verifier verifier, Sandbox sandbox) {
        this.registry = registry;
        this.candidateTime = Timer.builder("verifier.candidate.duration")
                .description("Wall time of one candidate's sandboxed run")
                .publishPercentileHistogram()
                .register(registry);
        Gauge.builder("verifier.queue.depth", verifier, Verifier::queueDepth)
                .description("Candidates admitted and not yet judged").register(registry);
        Gauge.builder("verifier.queue.capacity", verifier, Verifier::queueCapacity)
                .description("The most candidates admitted at once (verifier.queue.capacity)").register(registry);
        if (sandbox instanceof BubblewrapSandbox local) {
            FunctionCounter.builder("verifier.sandbox.starts", local, BubblewrapSandbox::starts)
                    .description("Candidate processes started").register(registry);
            FunctionCounter.builder("verifier.sandbox.supervisor.starts", local, BubblewrapSandbox::supervisorStarts)
                    .description("Local sandboxes started, replacements included").register(registry);
            Gauge.builder("verifier.sandbox.running", local, BubblewrapSandbox::running)
                    .description("Candidates running right now").register(registry);
        }
    }

    public void recordResult(CandidateResult result) {
        candidateTime.record(result.wallTime());
        Counter.builder("verifier.verdicts").description("Verdicts by kind")
                .tag("verdict", verdictName(result.verdict())).register(registry).increment();
    }

    public void recordRejection(RequestRefused e) {
        Counter.builder("verifier.rejections").description("Batches refused, by reason")
                .tag("reason", e.kind().name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    private static String verdictName(Verdict verdict) {
        if (verdict instanceof Verdict.Passed) {
            return "passed";
        } else if (verdict instanceof Verdict.Failed) {
            return "failed";
        } else if (verdict instanceof Verdict.Errored) {
            return "error";
        } else if (verdict instanceof Verdict.TimedOut) {
            return "timeout";
        }
        return "resource_limit";
    }
}
