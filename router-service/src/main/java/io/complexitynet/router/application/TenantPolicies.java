package io.complexitynet.router.application;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.router.config.RouterConfig;
import io.complexitynet.router.domain.BudgetPeriod;
import io.complexitynet.router.domain.RoutingMode;
import io.complexitynet.router.domain.TenantPolicy;
import io.complexitynet.router.persistence.TenantBudgets;
import io.complexitynet.router.persistence.TenantStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's policy (its row, or the configured default if there is one) and the budget check before any spending.
 * Policies are kept for {@code router.tenant-policy-ttl}: every request needs one, and a database read
 * per request would put a round trip into every decision. Spending is never cached: the budget check
 * reads what the tenant has spent.
 */
@ApplicationScoped
public class TenantPolicies {

    private final TenantStore tenants;
    private final TenantBudgets budgets;
    private final Clock clock = Clock.systemUTC();
    private final LoadingCache<String, Optional<TenantPolicy>> cached;

    TenantPolicies(TenantStore tenants, TenantBudgets budgets, RouterConfig config) {
        this.tenants = tenants;
        this.budgets = budgets;
        RouterConfig.DefaultTenant defaults = config.defaultTenant();
        this.cached = Caffeine.newBuilder().expireAfterWrite(config.tenantPolicyTtl()).maximumSize(100_000)
                .build(tenant -> tenants.policy(tenant).or(() -> defaults.enabled()
                        ? Optional.of(new TenantPolicy(tenant, Optional.empty(), Optional.empty(), RoutingMode.named(defaults.policy()),
                                defaults.threshold(), defaults.budget(), BudgetPeriod.valueOf(defaults.budgetPeriod()), defaults.feedback(),
                                false, defaults.triesPerModel()))
                        : Optional.empty()));
    }

    /** The tenant's policy; a tenant with none is refused unless the operator configured a default. */
    public TenantPolicy of(String tenant) {
        return find(tenant).orElseThrow(() -> RequestRefused.permissionDenied("tenant " + tenant
                + " has no policy on this router and no default is configured; an operator must create one"
                + " (TenantAdmin.CreateTenant) or set router.default-tenant.enabled=true"));
    }

    /** The tenant's policy, or the configured default; empty when it has neither. */
    public Optional<TenantPolicy> find(String tenant) {
        return cached.get(tenant);
    }

    /** Stores a tenant's policy; this replica applies it at once, the others within the TTL. */
    public void save(TenantPolicy policy) {
        tenants.save(policy);
        forget(policy.tenant());
    }

    /** Drops this replica's copy of the tenant's policy, after a change was committed. */
    public void forget(String tenant) {
        cached.invalidate(tenant);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** What a tenant spent per day and model between two days, with its budget period so far. */
    public record Usage(TenantPolicy policy, List<TenantStore.UsageRow> rows, double periodCostUnits, LocalDate periodStart) {
    }

    /** A tenant's usage from {@code from} (default: the start of its budget period) to {@code to} (default: today). */
    public Usage usage(String tenant, Optional<LocalDate> from, Optional<LocalDate> to) {
        return usage(of(tenant), from, to);
    }

    /** The usage of the policy's tenant, as {@link #usage(String, Optional, Optional)}. */
    public Usage usage(TenantPolicy policy, Optional<LocalDate> from, Optional<LocalDate> to) {
        String tenant = policy.tenant();
        LocalDate periodStart = policy.budgetPeriod().start(today());
        LocalDate first = from.orElse(periodStart);
        LocalDate last = to.orElseGet(this::today);
        if (last.isBefore(first)) {
            throw RequestRefused.invalidArgument("to", last + " is before from " + first);
        }
        return new Usage(policy, tenants.usage(tenant, first, last), tenants.spent(tenant, periodStart), periodStart);
    }

    /**
     * Holds the most a request can cost against its tenant's budget, or refuses it (RESOURCE_EXHAUSTED) when
     * that would not fit; nothing to hold for a tenant without a budget.
     */
    public Optional<TenantBudgets.Hold> reserve(TenantPolicy policy, double mostItCanCost) {
        if (policy.unlimited()) {
            return Optional.empty();
        }
        return Optional.of(budgets.reserve(policy.tenant(), policy.budgetPeriod(), today(), mostItCanCost, policy.budgetCostUnits()));
    }
}
