package io.complexitynet.router.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Decision latency and each stage's, and routed requests and cost by model, per replica. */
@ApplicationScoped
public class RouterMetrics {

    /** Where a request's time goes; admission and classify make up the decision. */
    public enum Stage {
        /** The tenant's policy and its budget check. */
        ADMISSION,
        /** Prompt encoding and the model's prediction. */
        CLASSIFY,
        GENERATION,
        VERIFICATION,
        /** Usage and routed samples written after the answer. */
        ACCOUNTING
    }

    private final MeterRegistry registry;
    private final Timer decision;
    private final Map<Stage, Timer> stages = new EnumMap<>(Stage.class);

    RouterMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.decision = Timer.builder("router.decision.duration").description("tenant policy and budget, classify, decide; no generation")
                .publishPercentiles(0.5, 0.99).register(registry);
        for (Stage stage : Stage.values()) {
            stages.put(stage, Timer.builder("router.stage.duration").tag("stage", stage.name().toLowerCase(Locale.ROOT))
                    .publishPercentiles(0.5, 0.99).register(registry));
        }
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
     * One answered request of a tenant: how it ended, how many models past the first it was escalated to, and what the
     * answer's tokens would have cost on the largest model, so that savings are a PromQL expression.
     */
    public void answered(String tenant, String verdict, int escalations, double largestModelCostUnits) {
        registry.counter("router.tenant.requests", "tenant", tenant, "verdict", verdict.isEmpty() ? "none" : verdict,
                "escalations", Integer.toString(escalations)).increment();
        registry.counter("router.tenant.largest.model.cost.units", "tenant", tenant).increment(largestModelCostUnits);
    }
}
