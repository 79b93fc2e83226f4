package io.complexitynet.router.application;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.router.config.RouterConfig;
import io.complexitynet.router.domain.BudgetPeriod;
import io.complexitynet.router.domain.RoutingMode;
import io.complexitynet.router.domain.TenantPolicy;
import io.complexitynet.router.persistence.TenantStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * A tenant's policy (its row, or the configured default) and the budget check before any spending.
 * Policies are kept for {@code router.tenant-policy-ttl}: every request needs one, and a database read
 * per request would put a round trip into every decision. Spending is never cached: the budget check
 * reads what the tenant has spent.
 */
@ApplicationScoped
public class TenantPolicies {

    private final TenantStore tenants;
    private final Clock clock = Clock.systemUTC();
    private final LoadingCache<String, TenantPolicy> cached;

    TenantPolicies(TenantStore tenants, RouterConfig config) {
        this.tenants = tenants;
        RouterConfig.DefaultTenant defaults = config.defaultTenant();
        this.cached = Caffeine.newBuilder().expireAfterWrite(config.tenantPolicyTtl()).maximumSize(100_000)
                .build(tenant -> tenants.policy(tenant).orElseGet(() -> new TenantPolicy(tenant, Optional.empty(), Optional.empty(),
                        RoutingMode.named(defaults.policy()), defaults.threshold(), defaults.budget(),
                        BudgetPeriod.valueOf(defaults.budgetPeriod()), defaults.feedback())));
    }

    public TenantPolicy of(String tenant) {
        return cached.get(tenant);
    }

    /** Stores a tenant's policy; this replica applies it at once, the others within the TTL. */
    public void save(TenantPolicy policy) {
        tenants.save(policy);
        cached.invalidate(policy.tenant());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Refuses a tenant that has spent its budget for the current period. */
    public void requireBudget(TenantPolicy policy) {
        if (policy.unlimited()) {
            return;
        }
        LocalDate from = policy.budgetPeriod().start(today());
        double spent = tenants.spent(policy.tenant(), from);
        if (spent >= policy.budgetCostUnits()) {
            throw new RequestRefused(RequestRefused.Kind.EXHAUSTED, String.format(Locale.ROOT,
                    "tenant %s has spent %.2f of its budget of %.2f cost units for the %s starting %s",
                    policy.tenant(), spent, policy.budgetCostUnits(), policy.budgetPeriod().name().toLowerCase(Locale.ROOT), from));
        }
    }
}
