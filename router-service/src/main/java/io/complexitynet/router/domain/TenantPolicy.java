package io.complexitynet.router.domain;

import java.util.List;
import java.util.Optional;

/**
 * What one tenant may do: which models it may use and the most expensive of them, how its requests
 * are decided by default, what it may spend per period, whether its tested requests are kept as
 * samples, and whether the operator trusts those samples to train the classifier every tenant shares.
 *
 * @param allowedModels empty: every model of the ladder
 * @param maxModel empty: the ladder's largest
 * @param budgetCostUnits 0: unlimited
 * @param feedbackTrusted its kept samples may train the shared classifier; a tenant writes its own tests, so only
 *                        an operator can vouch for their verdicts
 * @param triesPerModel with tests, how many answers each model may give before the cascade moves up
 */
public record TenantPolicy(String tenant, Optional<List<String>> allowedModels, Optional<String> maxModel,
                           RoutingMode defaultMode, double defaultThreshold, double budgetCostUnits,
                           BudgetPeriod budgetPeriod, boolean feedback, boolean feedbackTrusted, int triesPerModel) {

    public TenantPolicy {
        if (!Cascade.allowedTries(triesPerModel)) {
            throw new IllegalArgumentException("tenant " + tenant + ": tries per model must be 1 to " + Cascade.MAX_TRIES_PER_MODEL
                    + ", was " + triesPerModel);
        }
        allowedModels = allowedModels.map(List::copyOf);
        if (!(defaultThreshold > 0 && defaultThreshold <= 1)) {
            throw new IllegalArgumentException("tenant " + tenant + ": default threshold must be in (0, 1], was " + defaultThreshold);
        }
        if (budgetCostUnits < 0) {
            throw new IllegalArgumentException("tenant " + tenant + ": budget must not be negative, was " + budgetCostUnits);
        }
    }

    /** A policy whose samples, if kept, do not train the shared classifier, and that tries each model once. */
    public TenantPolicy(String tenant, Optional<List<String>> allowedModels, Optional<String> maxModel, RoutingMode defaultMode,
                        double defaultThreshold, double budgetCostUnits, BudgetPeriod budgetPeriod, boolean feedback) {
        this(tenant, allowedModels, maxModel, defaultMode, defaultThreshold, budgetCostUnits, budgetPeriod, feedback, false, 1);
    }

    public boolean unlimited() {
        return budgetCostUnits == 0;
    }
}
