package io.complexitynet.router.metrics;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.complexitynet.router.application.TenantPolicies;
import io.complexitynet.router.classifier.PromotedClassifier;
import io.complexitynet.router.domain.TenantPolicy;
import io.complexitynet.router.persistence.TenantStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Decision latency and each stage's, routed requests and cost by model and tenant, tenants' budgets and whether a
 * complexity model is loaded, per replica.
 */
// Started eagerly so that a router without a promoted model says so from its first scrape.
@Startup
@ApplicationScoped
public class RouterMetrics {

    // Scrapes read the cached spending; one read per tenant and interval, never one per scrape or request.
    private static final Duration SPENDING_REFRESH = Duration.ofSeconds(30);

    /** Where a request's time goes; admission and classify make up the decision. */
    public enum Stage {
        /** The tenant's policy and its budget check. */
        ADMISSION,
        /** Prompt encoding and the model's prediction. */
        CLASSIFY,
        GENERATION,
        VERIFICATION,
        /** The scored cascade's test-free runs of answers. */
        PROBE,
        /** Usage and routed samples written after the answer. */
        ACCOUNTING
    }

    private final MeterRegistry registry;
    private final Timer decision;
    private final Map<Stage, Timer> stages = new EnumMap<>(Stage.class);
    private final TenantPolicies policies;
    private final TenantStore tenants;
    private final Set<String> budgetsShown = ConcurrentHashMap.newKeySet();
    private final LoadingCache<String, Spending> spending;
    private final List<Gauge> gauges = new CopyOnWriteArrayList<>();

    /** A tenant's budget for its current period (0: none) and what it has spent in that period, in cost units. */
    private record Spending(double budget, double spent) {
    }

    RouterMetrics(MeterRegistry registry, PromotedClassifier classifier, TenantPolicies policies, TenantStore tenants) {
        this.registry = registry;
        this.policies = policies;
        this.tenants = tenants;
        this.spending = Caffeine.newBuilder().refreshAfterWrite(SPENDING_REFRESH).build(this::spendingOf);
        gauges.add(Gauge.builder("router.classifier.loaded", () -> classifier.inUse().isPresent() ? 1 : 0)
                .description("1 while a promoted complexity model is loaded; 0: Route and Classify answer UNAVAILABLE").register(registry));
        this.decision = Timer.builder("router.decision.duration").description("tenant policy and budget, classify, decide; no generation")
                .publishPercentiles(0.5, 0.99).register(registry);
        for (Stage stage : Stage.values()) {
            stages.put(stage, Timer.builder("router.stage.duration").tag("stage", stage.name().toLowerCase(Locale.ROOT))
                    .publishPercentiles(0.5, 0.99).register(registry));
        }
    }

    /**
     * Gauges read this application's beans: one left in a registry that outlives it (a test JVM restarting Quarkus)
     * would be read in their place by the next application, whose own registration Micrometer drops as a duplicate.
     */
    @PreDestroy
    void removeGauges() {
        gauges.forEach(registry::remove);
    }

    public void decided(long nanos) {
        decision.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void stage(Stage stage, long nanos) {
        stages.get(stage).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void attempted(String tenant, String model, String verdict, double costUnits) {
        registry.counter("router.attempts", "model", model, "verdict", verdict.isEmpty() ? "none" : verdict).increment();
        registry.counter("router.cost.units", "model", model).increment(costUnits);
        registry.counter("router.tenant.cost.units", "tenant", tenant, "model", model).increment(costUnits);
    }

    /**
     * One answer the scored cascade judged without tests: what its probe saw, whether it was taken, and whether it agreed
     * with its model's first answer (none: not compared), so that operators see how often each model's answers are taken.
     */
    public void judged(String model, String probe, boolean accepted, String agreement) {
        registry.counter("router.judged.answers", "model", model, "probe", probe, "accepted", Boolean.toString(accepted),
                "agreement", agreement.isEmpty() ? "none" : agreement.toLowerCase(Locale.ROOT)).increment();
    }

    /**
     * One answered request of a tenant: how it ended, how many models past the first it was escalated to, and what the
     * answer's tokens would have cost on the largest model, so that savings are a PromQL expression.
     */
    public void answered(String tenant, String verdict, int escalations, double largestModelCostUnits) {
        registry.counter("router.tenant.requests", "tenant", tenant, "verdict", verdict.isEmpty() ? "none" : verdict,
                "escalations", Integer.toString(escalations)).increment();
        registry.counter("router.tenant.largest.model.cost.units", "tenant", tenant).increment(largestModelCostUnits);
    }

    /**
     * Shows the tenant's budget and its spending in the current period from its first request on this replica on
     * (every replica reports the same figures, read from the database). The first read runs in the background.
     */
    public void showBudget(String tenant) {
        if (!budgetsShown.add(tenant)) {
            return;
        }
        gauge("router.tenant.budget.cost.units", "the tenant's budget for its current period; 0: none", tenant, Spending::budget);
        gauge("router.tenant.budget.spent.cost.units", "what the tenant has spent in its current budget period", tenant, Spending::spent);
        spending.refresh(tenant);
    }

    private void gauge(String name, String description, String tenant, ToDoubleFunction<Spending> figure) {
        gauges.add(Gauge.builder(name, () -> Optional.ofNullable(spending.getIfPresent(tenant)).map(figure::applyAsDouble)
                .orElse(Double.NaN)).description(description).tag("tenant", tenant).register(registry));
    }

    private Spending spendingOf(String tenant) {
        Optional<TenantPolicy> policy = policies.find(tenant);
        if (policy.isEmpty()) {
            return new Spending(Double.NaN, Double.NaN);
        }
        return new Spending(policy.get().budgetCostUnits(),
                tenants.spent(tenant, policy.get().budgetPeriod().start(policies.today())));
    }
}
