package io.complexitynet.router.config;

import io.complexitynet.backends.ModelBackendConfig;
import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every knob of the router; defaults live in application.properties and the README's table. */
@ConfigMapping(prefix = "router")
public interface RouterConfig {

    /** The model ladder, cheapest first: the same kinds of backends the labeler uses. */
    List<ModelBackendConfig> models();

    /** For models with the replay backend. */
    Replay replay();

    /** {@link #paperPolicy()}'s value that takes each promoted model's own mapping of its classes to the ladder. */
    String PAPER_POLICY_OF_THE_MODEL = "model";

    /**
     * The paper's policy: complexity classes to ladder indexes, e.g. {@code 1-2:0,3-4:1,5:2}; or {@code model}: each
     * class to the cheapest model that passed its training tasks, as the promoted model's labels say (any ladder, any rule).
     */
    String paperPolicy();

    /** Step up the ladder when an answer fails the request's tests. */
    boolean escalate();

    /**
     * The temperature of a model's second and later answers to one request (tries per model): the first is asked at
     * 0, and a retry at 0 would mostly repeat the answer that just failed.
     */
    double retryTemperature();

    /** Wall-clock limit the verifier gives each answer. */
    Duration verifyWallTime();

    /** The token claim that names the caller's tenant. */
    String tenantClaim();

    /** The tenant every call speaks for when auth is off (the embedded mode), since no token names one. */
    String unauthenticatedTenant();

    /** How a request is held against its tenant's budget. */
    Budget budget();

    interface Budget {
        /** Tokens the chat template adds around a request's prompt, setup and tests, at most. */
        int promptOverheadTokens();
    }

    /** Each tenant's Route and Classify requests per second on one replica. */
    RateLimit rateLimit();

    /** How much text one Route or Classify request may carry. */
    Limits limits();

    /** The policy of a tenant with no row in the tenant_policy table. */
    DefaultTenant defaultTenant();

    /**
     * How long a replica keeps a tenant's policy before reading it again: a change made through another
     * replica, or in the table directly, applies within this time.
     */
    Duration tenantPolicyTtl();

    /**
     * Prompts classified at once; the rest wait their turn in arrival order. Unset: one per core the JVM sees.
     * Encodes are CPU-bound: more at once than cores only slices the cores between them and stretches every one.
     */
    Optional<Integer> classifyConcurrency();

    /**
     * How often a replica compares the promoted model in the database with the one it has loaded and loads the promoted
     * one if they differ: catches up with a promotion whose event it missed (dropped after the retry window, or sent
     * while the replica's queue did not exist). Reads one id, not the model.
     */
    Duration promotionCheckInterval();

    /** How a routed request's usage is recorded. */
    Ledger ledger();

    interface Ledger {
        /**
         * How long a recorded request's id is kept, so that a retried write of it adds nothing; well past
         * complexitynet.retry.max-duration, the longest a write is retried.
         */
        Duration requestRetention();
    }

    interface Replay {
        /** Recorded outputs in the generations.jsonl schema. */
        Optional<Path> file();

        /** The data set those outputs answer (any import format): a prompt replays when it is one of its tasks' prompts. */
        Optional<Path> tasks();
    }

    interface RateLimit {
        double requestsPerSecond();

        /** Requests a tenant may send at once after a quiet spell. */
        double burst();
    }

    interface Limits {
        /** Characters of the prompt. */
        int promptChars();

        /** Test statements. */
        int tests();

        /** Characters of one test statement. */
        int testChars();

        /** Characters of the setup code. */
        int setupChars();
    }

    interface DefaultTenant {
        /**
         * Whether a tenant with no tenant_policy row is served with this policy. Off: such a tenant is refused,
         * so a token with an unknown tenant claim never gets an unlimited budget by accident.
         */
        boolean enabled();

        /** {@code paper}, {@code expected-cost}, {@code cheapest-first} or {@code scored-cascade}. */
        String policy();

        double threshold();

        /** Cost units per period; 0: unlimited. */
        double budget();

        /** DAY or MONTH. */
        String budgetPeriod();

        /** Keep routed requests with tests as samples. */
        boolean feedback();

        /** With tests, how many answers each model may give before the cascade moves up (1 to 5). */
        int triesPerModel();
    }
}
