package io.complexitynet.service.resilience;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a service waits out a dependency's outage; the README's configuration table explains each. */
@ConfigMapping(prefix = "complexitynet.retry")
public interface RetryConfig {

    @WithDefault("200ms")
    Duration initialDelay();

    @WithDefault("10s")
    Duration maxDelay();

    /** After this, the failure goes back to the caller (a message is redelivered, a call answered UNAVAILABLE). */
    @WithDefault("5m")
    Duration maxDuration();

    default RetryPolicy policy() {
        return new RetryPolicy(initialDelay(), maxDelay(), maxDuration());
    }
}
