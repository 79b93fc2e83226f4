package io.complexitynet.service.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Counts what a parking queue hands back: a message that failed on every delivery, taken off
 * {@code <queue>.parked} by the service that owns the queue and recorded where an operator sees it (the job it
 * belongs to). {@code complexitynet_parked_messages_total{queue}}: nothing is parked without showing here.
 */
@ApplicationScoped
public class ParkedMessages {

    @Inject MeterRegistry registry;

    /** @param queue the parking queue, e.g. "labeling-work.parked" */
    public void taken(String queue) {
        Counter.builder("complexitynet.parked.messages").description("Messages taken off a parking queue after failing on every delivery")
                .tag("queue", queue).register(registry).increment();
    }
}
