package io.complexitynet.router.domain;

import java.util.List;
import java.util.Optional;

/**
 * What one tenant may do: which models it may use and the most expensive of them, how its requests
 * are decided by default, what it may spend per period, and whether its tested requests are kept as
 * samples the classifier can learn from.
 *
 * @param allowedModels empty: every model of the ladder
 * @param maxModel empty: the ladder's largest
 * @param budgetCostUnits 0: unlimited
 */
public record TenantPolicy(String tenant, Optional<List<String>> allowedModels, Optional<String> maxModel,
                           RoutingMode defaultMode, double defaultThreshold, double budgetCostUnits,
                           BudgetPeriod budgetPeriod, boolean feedback) {

    public TenantPolicy {
        allowedModels = allowedModels.map(List::copyOf);
        if (!(defaultThreshold > 0 && defaultThreshold <= 1)) {
            throw new IllegalArgumentException("tenant " + tenant + ": default threshold must be in (0, 1], was " + defaultThreshold);
        }
        if (budgetCostUnits < 0) {
            throw new IllegalArgumentException("tenant " + tenant + ": budget must not be negative, was " + budgetCostUnits);
        }
    }

    public boolean unlimited() {
        return budgetCostUnits == 0;
    }
}
