package io.complexitynet.router.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/** Decision latency, and routed requests and cost by model, per replica. */
@ApplicationScoped
public class RouterMetrics {

    private final MeterRegistry registry;
    private final Timer decision;

    RouterMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.decision = Timer.builder("router.decision.duration").description("classify + decide, no generation")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    public void decided(long nanos) {
        decision.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void attempted(String model, String verdict, double costUnits) {
        registry.counter("router.attempts", "model", model, "verdict", verdict.isEmpty() ? "none" : verdict).increment();
        registry.counter("router.cost.units", "model", model).increment(costUnits);
    }
}
