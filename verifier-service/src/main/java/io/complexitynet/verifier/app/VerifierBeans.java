package io.complexitynet.verifier.app;

import io.complexitynet.verifier.config.VerifierConfig;
import io.complexitynet.verifier.domain.BatchPolicy;
import io.complexitynet.verifier.domain.Limits;
import io.complexitynet.verifier.domain.Sandbox;
import io.complexitynet.verifier.domain.Verifier;
import io.complexitynet.verifier.judge.PythonJudge;
import io.complexitynet.verifier.sandbox.BubblewrapSandbox;
import io.complexitynet.verifier.sandbox.KubernetesPodSandbox;
import io.complexitynet.verifier.sandbox.RunnerScript;
import io.complexitynet.verifier.sandbox.SandboxCommand;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** Wires the domain (singletons: records and final classes cannot be proxied) to its adapters from configuration; refuses to start an unsafe sandbox unasked. */
@ApplicationScoped
public class VerifierBeans {

    private static final Logger LOG = Logger.getLogger(VerifierBeans.class);
    private static final int ROOT_UID = 0;

    @Produces
    @Singleton
    SandboxCommand sandboxCommand(VerifierConfig config) {
        VerifierConfig.Sandbox sandbox = config.sandbox();
        if (!Files.isExecutable(Path.of(sandbox.python()))) {
            throw new IllegalStateException("verifier.sandbox.python: " + sandbox.python() + " is not an executable interpreter");
        }
        boolean isolated = Files.isExecutable(Path.of(sandbox.bubblewrap()));
        if (!isolated && !sandbox.unsafeWithoutBubblewrap()) {
            throw new IllegalStateException("bubblewrap not found at " + sandbox.bubblewrap()
                    + " (verifier.sandbox.bubblewrap): refusing to run untrusted code without a sandbox. Install it"
                    + " (apt-get install -y bubblewrap) or set verifier.sandbox.unsafe-without-bubblewrap=true for development");
        }
        if (!isolated) {
            LOG.error("!!! UNSAFE: verifier.sandbox.unsafe-without-bubblewrap=true and bubblewrap is missing."
                    + " Candidates run with resource limits only: they can read this machine's files and reach its network."
                    + " Never use this mode with untrusted code. !!!");
        }
        boolean root = currentUid() == ROOT_UID;
        return new SandboxCommand(sandbox.bubblewrap(), sandbox.readOnlyPaths(), sandbox.tmpfsBytes(),
                sandbox.python(), sandbox.pythonArgs(), sandbox.runAsUid(), root, isolated);
    }

    @Produces
    @Singleton
    Sandbox sandbox(VerifierConfig config, SandboxCommand command, Instance<KubernetesClient> kubernetes) {
        VerifierConfig.Limits limits = config.limits();
        if (config.sandbox().backend() == VerifierConfig.Backend.KUBERNETES) {
            return new KubernetesPodSandbox(kubernetes.get(), config.kubernetes(), config.kubernetes().python(),
                    limits.outputBytes(), limits.reportBytes());
        }
        return new BubblewrapSandbox(command, concurrency(config), limits.reportBytes(), limits.outputBytes(),
                config.sandbox().preloadModules());
    }

    void closeSandbox(@Disposes Sandbox sandbox) throws Exception {
        if (sandbox instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Produces
    @Singleton
    PythonJudge judge(VerifierConfig config, SandboxCommand command) {
        int processes = config.judge().processes() > 0 ? config.judge().processes() : concurrency(config);
        return new PythonJudge(command.argv(RunnerScript.JUDGE.source()), processes, config.judge().timeout());
    }

    void closeJudge(@Disposes PythonJudge judge) {
        judge.close();
    }

    @Produces
    @Singleton
    Verifier verifier(VerifierConfig config, Sandbox sandbox, PythonJudge judge) {
        VerifierConfig.Batch batch = config.batch();
        BatchPolicy policy = new BatchPolicy(batch.maxCandidates(), batch.maxCodeBytes(), batch.maxTests(),
                batch.maxTestBytes(), batch.minWallTime(), batch.maxWallTime(), batch.minMemoryBytes(), batch.maxMemoryBytes());
        if (config.queue().capacity() < batch.maxCandidates()) {
            throw new IllegalStateException("verifier.queue.capacity (" + config.queue().capacity()
                    + ") must be at least verifier.batch.max-candidates (" + batch.maxCandidates() + ")");
        }
        return new Verifier(sandbox, judge, policy, config.queue().capacity());
    }

    @Produces
    @Singleton
    Limits defaultLimits(VerifierConfig config) {
        VerifierConfig.Limits limits = config.limits();
        return new Limits(limits.wallTime(), limits.memoryBytes(), limits.fileSizeBytes(), limits.processes(),
                limits.openFiles(), limits.outputBytes());
    }

    static int concurrency(VerifierConfig config) {
        int configured = config.sandbox().concurrency();
        return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }

    private static long currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (Exception e) {
            return -1;
        }
    }
}
