package io.complexitynet.verifier.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every knob of the verifier; defaults live in application.properties and the README's table. */
@ConfigMapping(prefix = "verifier")
public interface VerifierConfig {

    Sandbox sandbox();

    Limits limits();

    Batch batch();

    Queue queue();

    Kubernetes kubernetes();

    Messaging messaging();

    interface Sandbox {
        /** {@code local} (bubblewrap on this machine) or {@code kubernetes} (a pod per batch). */
        Backend backend();

        /** Candidates run at once; 0 means the number of cores. */
        int concurrency();

        /** The interpreter candidates run in; never a pyenv shim (slow to start). */
        String python();

        List<String> pythonArgs();

        String bubblewrap();

        /** Host directories mounted read-only into the local sandbox (the interpreter must live there). */
        List<String> readOnlyPaths();

        /**
         * A root file system (the sandbox image's, unpacked) that the read-only paths and the interpreter come
         * from instead of this machine's: candidates then see exactly what they see in a sandbox pod.
         */
        Optional<String> root();

        /** Size of the private tmpfs each candidate gets as its working directory. */
        long tmpfsBytes();

        /** The user the local sandbox runs as when the service runs as root (root's processes ignore RLIMIT_NPROC). */
        int runAsUid();

        /**
         * Standard-library modules the local sandbox imports once before forking candidates, so
         * importing them costs a candidate nothing. Only modules without threads or per-process state.
         */
        List<String> preloadModules();

        /** Runs candidates without bubblewrap: no isolation beyond resource limits. For development only. */
        boolean unsafeWithoutBubblewrap();
    }

    interface Limits {
        Duration wallTime();

        long memoryBytes();

        long fileSizeBytes();

        int processes();

        int openFiles();

        /** Cap on what a candidate may print (stdout and stderr together). */
        int outputBytes();

        /** Cap on the runner's report of probe values. */
        int reportBytes();
    }

    interface Batch {
        int maxCandidates();

        int maxCodeBytes();

        int maxTests();

        int maxTestBytes();

        Duration minWallTime();

        Duration maxWallTime();

        long minMemoryBytes();

        long maxMemoryBytes();
    }

    interface Queue {
        /** Candidates admitted at once across all batches; a batch that does not fit gets RESOURCE_EXHAUSTED. */
        int capacity();
    }

    interface Kubernetes {
        /** Namespace the sandbox pods run in; empty means the client's current namespace. */
        Optional<String> namespace();

        String image();

        /** The interpreter inside the sandbox image. */
        String python();

        Optional<String> runtimeClassName();

        String cpuRequest();

        String cpuLimit();

        String memoryRequest();

        String memoryLimit();

        String ephemeralStorage();

        /** Size of the pod's only writable volume. */
        String workDirSize();

        /** Pod lifetime cap, added to the batch's own time budget. */
        Duration podDeadlineMargin();

        /** How long to wait for the pod to be scheduled and started. */
        Duration startTimeout();
    }

    interface Messaging {
        /** Verification requests taken off the broker at once (each a batch of candidates). */
        int inFlight();
    }

    enum Backend {
        LOCAL, KUBERNETES
    }
}
