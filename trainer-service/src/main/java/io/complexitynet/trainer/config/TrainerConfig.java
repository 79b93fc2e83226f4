package io.complexitynet.trainer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalDouble;

/** The trainer's settings; the README's configuration table explains each. */
@ConfigMapping(prefix = "trainer")
public interface TrainerConfig {

    /** Hyper-parameters a StartTraining request leaves at zero. */
    Defaults defaults();

    Promotion promotion();

    Jobs jobs();

    NoTestsCascade noTestsCascade();

    /** Start a training job on every labels-updated event. */
    boolean retrainOnLabelsUpdated();

    /** The prompt encoder new models are trained with, by id (the router reads each model with the one it names). */
    String encoder();

    interface Defaults {
        String headType();

        int epochs();

        double learningRate();

        long seed();

        /** A complexity class with fewer training labels is left out of the classifier. */
        int minLabelsPerClass();
    }

    interface Promotion {
        /**
         * Promote a newly trained model without being asked, when it beats the promoted one by
         * {@link #minPassRateGain()} at no higher validation cost. Off: only PromoteModel promotes.
         */
        boolean automatic();

        /** Required gain in validation pass rate, in points (1.0 = one percentage point). */
        double minPassRateGain();

        /** When set, PromoteModel refuses models that do not meet the policy either. */
        boolean enforceOnManual();
    }

    interface NoTestsCascade {
        /**
         * The cost cut against always asking the largest model that the answer scorer's thresholds must reach on
         * validation; among those that do, the ones with the highest pass rate are stored. Unused when
         * {@link #minSolvedPassRate} is set.
         */
        @WithDefault("0.9")
        double minCostCut();

        /**
         * When set, the thresholds are calibrated for this pass rate over the solved validation tasks instead, at the
         * largest cost cut that keeps it.
         */
        OptionalDouble minSolvedPassRate();
    }

    interface Jobs {
        /** Redeliveries of a training request that keeps failing before its job is failed. */
        int maxRedeliveries();

        /** How often unpublished model-promoted events are looked for. */
        Duration dispatchInterval();

        /** Queues every running job again at start: for a broker that keeps nothing across a restart (the embedded mode). */
        boolean resendRunningAtStart();
    }
}
