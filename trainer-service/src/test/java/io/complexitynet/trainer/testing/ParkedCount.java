package io.complexitynet.trainer.testing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;

/** How many messages the service has taken off a parking queue: complexitynet_parked_messages_total{queue}. */
public final class ParkedCount {

    private ParkedCount() {
    }

    public static double of(MeterRegistry registry, String queue) {
        Counter counter = registry.find("complexitynet.parked.messages").tag("queue", queue).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The count once it is above {@code before}, or as it is after a few seconds: it is counted after the message is handled. */
    public static double after(MeterRegistry registry, String queue, double before) throws InterruptedException {
        return Poll.until(Duration.ofSeconds(10), () -> Optional.of(of(registry, queue)).filter(count -> count > before))
                .orElseGet(() -> of(registry, queue));
    }
}
