package io.complexitynet.trainer.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/** Training jobs ended by outcome and how long training took, per replica. */
@ApplicationScoped
public class TrainerMetrics {

    private final MeterRegistry registry;
    private final Timer training;

    TrainerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.training = Timer.builder("trainer.training.duration").description("embed + fit + evaluate of one job")
                .register(registry);
    }

    public <T> T timeTraining(Supplier<T> run) {
        return training.record(run);
    }

    public void jobEnded(String outcome) {
        registry.counter("trainer.jobs.ended", "outcome", outcome).increment();
    }
}
