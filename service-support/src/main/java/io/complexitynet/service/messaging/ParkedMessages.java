package io.complexitynet.service.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * Counts what a parking queue hands back: a message that failed on every delivery, taken off
 * {@code <queue>.parked} by the service that owns the queue and recorded where an operator sees it (the job it
 * belongs to). {@code complexitynet_parked_messages_total{queue}}: nothing is parked without showing here.
 */
// Started eagerly: each parking queue the service reads shows at 0 from the start, since an alert on the counter's
// increase sees nothing when its series first appears at 1.
@Startup
@ApplicationScoped
public class ParkedMessages {

    private static final String INCOMING = "mp.messaging.incoming.";
    private static final String QUEUE_NAME = ".queue.name";
    private static final String PARKED = ".parked";

    @Inject MeterRegistry registry;
    @Inject Config config;

    @PostConstruct
    void showParkingQueues() {
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(INCOMING) && property.endsWith(QUEUE_NAME)) {
                config.getOptionalValue(property, String.class).filter(queue -> queue.endsWith(PARKED)).ifPresent(this::counter);
            }
        }
    }

    /** @param queue the parking queue, e.g. "labeling-work.parked" */
    public void taken(String queue) {
        counter(queue).increment();
    }

    private Counter counter(String queue) {
        return Counter.builder("complexitynet.parked.messages").description("Messages taken off a parking queue after failing on every delivery")
                .tag("queue", queue).register(registry);
    }
}
