package io.complexitynet.labeler.config;

import io.complexitynet.backends.ModelBackendConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Every knob of the labeler; defaults live in application.properties and the README's table. */
@ConfigMapping(prefix = "labeler")
public interface LabelerConfig {

    /** The model ladder, cheapest first. */
    List<ModelBackendConfig> models();

    Replay replay();

    Work work();

    Probe probe();

    /** Where data sets are imported from. */
    @WithName("import")
    Import imports();

    interface Import {
        /** Only files inside this directory (links followed) are imported. */
        Path directory();

        /** The largest file imported. */
        long maxBytes();
    }

    interface Replay {
        /** Recorded outputs in the generations.jsonl schema. */
        Path file();
    }

    interface Probe {
        /**
         * Gives every sample sent to the verifier a second, test-free run (core's AnswerProbe) and stores what it showed on
         * the sample: what the router's no-tests cascade learns from. Off saves the run's sandbox time.
         */
        boolean enabled();
    }

    interface Work {
        /** Redeliveries of a failing work message after its first delivery, before it is parked (the quorum queue's x-delivery-limit). */
        int maxRedeliveries();

        /** A candidate longer than this is failed without being sent (the verifier's own limit). */
        int maxCodeBytes();

        /** How often queued-but-unsent work and unpublished events are looked for. */
        Duration dispatchInterval();

        /** Wall-clock limit the verifier gives each sample: MBPP's programs finish in well under a second, a stuck one costs a sandbox this long. */
        Duration verifyWallTime();

        /** Upper bound on k. */
        int maxSamplesPerModel();

        /**
         * Sends the work of running jobs again at start, as if never sent: for a broker that keeps nothing across a
         * restart (the embedded mode's in-process queues). Consumers treat the repeats as no-ops.
         */
        boolean resendQueuedAtStart();

        /**
         * A running job whose open tasks have not moved for this long has its outstanding work sent again (a message lost
         * to an outage delays a job by this much instead of wedging it).
         */
        Duration stallAfter();
    }
}
