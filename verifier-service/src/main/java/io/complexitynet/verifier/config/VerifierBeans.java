package io.complexitynet.verifier.config;

import io.complexitynet.verifier.config.VerifierConfig;
import io.complexitynet.verifier.domain.BatchPolicy;
import io.complexitynet.verifier.domain.Limits;
import io.complexitynet.verifier.domain.Sandbox;
import io.complexitynet.verifier.domain.Verifier;
import io.complexitynet.verifier.sandbox.BubblewrapSandbox;
import io.complexitynet.verifier.sandbox.KubernetesPodSandbox;
import io.complexitynet.verifier.sandbox.SandboxCommand;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
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
    Sandbox sandbox(VerifierConfig config, Instance<KubernetesClient> kubernetes) {
        VerifierConfig.Limits limits = config.limits();
        if (config.sandbox().backend() == VerifierConfig.Backend.KUBERNETES) {
            // Candidates and tests both run in the sandbox pods: this container runs no Python at all.
            return new KubernetesPodSandbox(kubernetes.get(), config.kubernetes(), config.kubernetes().python(),
                    limits.outputBytes(), limits.reportBytes());
        }
        return new BubblewrapSandbox(localCommand(config.sandbox()), concurrency(config), limits.reportBytes(),
                limits.outputBytes(), config.sandbox().preloadModules());
    }

    void closeSandbox(@Disposes Sandbox sandbox) throws Exception {
        if (sandbox instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Produces
    @Singleton
    Verifier verifier(VerifierConfig config, Sandbox sandbox) {
        VerifierConfig.Batch batch = config.batch();
        BatchPolicy policy = new BatchPolicy(batch.maxCandidates(), batch.maxCodeBytes(), batch.maxTests(),
                batch.maxTestBytes(), batch.minWallTime(), batch.maxWallTime(), batch.minMemoryBytes(), batch.maxMemoryBytes());
        if (config.queue().capacity() < batch.maxCandidates()) {
            throw new IllegalStateException("verifier.queue.capacity (" + config.queue().capacity()
                    + ") must be at least verifier.batch.max-candidates (" + batch.maxCandidates() + ")");
        }
        return new Verifier(sandbox, policy, config.queue().capacity());
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

    private static SandboxCommand localCommand(VerifierConfig.Sandbox sandbox) {
        String root = sandbox.root().map(path -> path.replaceAll("/+$", "")).orElse("");
        if (!Files.isExecutable(Path.of(root + sandbox.python()))) {
            throw new IllegalStateException("verifier.sandbox.python: " + root + sandbox.python() + " is not an executable interpreter"
                    + (root.isEmpty() ? "" : " (under verifier.sandbox.root)"));
        }
        boolean isolated = Files.isExecutable(Path.of(sandbox.bubblewrap()));
        if (!isolated && !sandbox.unsafeWithoutBubblewrap()) {
            throw new IllegalStateException("bubblewrap not found at " + sandbox.bubblewrap()
                    + " (verifier.sandbox.bubblewrap): refusing to run untrusted code without a sandbox. Install it"
                    + " (apt-get install -y bubblewrap) or set verifier.sandbox.unsafe-without-bubblewrap=true for development");
        }
        if (!isolated) {
            LOG.error("!!! UNSAFE: verifier.sandbox.unsafe-without-bubblewrap=true and bubblewrap is missing."
                    + " Candidates and tests run with resource limits only: they can read this machine's files and reach its"
                    + " network. Never use this mode with untrusted code. !!!");
        }
        return new SandboxCommand(sandbox.bubblewrap(), root, sandbox.readOnlyPaths(), sandbox.tmpfsBytes(),
                sandbox.python(), sandbox.pythonArgs(), sandbox.runAsUid(), currentUid() == ROOT_UID, isolated);
    }

    /**
     * This process's uid. Failing to read it is fatal: guessing "not root" would skip the privilege
     * drop, and as root bubblewrap keeps capabilities inside the sandbox and RLIMIT_NPROC does not apply.
     */
    static long currentUid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException | ClassCastException | SecurityException e) {
            throw new IllegalStateException("cannot tell which user this service runs as (reading /proc/self failed: "
                    + e + "); refusing to start the local sandbox without knowing whether to drop root", e);
        }
    }
}
