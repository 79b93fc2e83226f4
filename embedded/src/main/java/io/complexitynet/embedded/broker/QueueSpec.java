package io.complexitynet.embedded.broker;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A queue as a consumer declares it: how many unacknowledged messages it hands out at once, how many failed
 * deliveries a message may have before it is dead-lettered (none: redelivered forever), and where it goes then.
 */
public record QueueSpec(String name, int prefetch, OptionalInt deliveryLimit, Optional<DeadLetter> deadLetter) {

    /** Where a message that ran out of deliveries is published. */
    public record DeadLetter(String exchange, String routingKey) {
        public DeadLetter {
            Objects.requireNonNull(exchange, "exchange");
            Objects.requireNonNull(routingKey, "routingKey");
        }
    }

    public QueueSpec {
        Objects.requireNonNull(name, "name");
        if (prefetch < 1) {
            throw new IllegalArgumentException("queue " + name + ": prefetch must be at least 1, got " + prefetch);
        }
        if (deliveryLimit.isPresent() && deliveryLimit.getAsInt() < 0) {
            throw new IllegalArgumentException("queue " + name + ": delivery limit must not be negative");
        }
    }
}
