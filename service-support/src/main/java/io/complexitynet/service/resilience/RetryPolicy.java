package io.complexitynet.service.resilience;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How a transient failure is tried again: waits growing exponentially from {@code initialDelay} up to
 * {@code maxDelay}, each jittered (half fixed, half random) so that replicas hit by the same outage do not
 * retry in step, for at most {@code maxDuration} in all. Bounded by time, never by a count: an outage would
 * use up a count in milliseconds.
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, Duration maxDuration) {

    public RetryPolicy {
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0 || maxDuration.isNegative()) {
            throw new IllegalArgumentException("a retry policy needs 0 < initial-delay <= max-delay and a max-duration >= 0, not "
                    + initialDelay + ", " + maxDelay + ", " + maxDuration);
        }
    }

    /** The wait after the {@code failures}-th failure in a row (1 for the first). */
    public Duration delay(int failures, RandomGenerator random) {
        long cap = initialDelay.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
        cap = Math.min(cap, maxDelay.toMillis());
        return Duration.ofMillis(cap / 2 + random.nextLong(cap / 2 + 1));
    }

    /** Whether a wait of {@code delay} after {@code elapsed} of trying still ends within the bound. */
    public boolean mayWait(Duration elapsed, Duration delay) {
        return elapsed.plus(delay).compareTo(maxDuration) <= 0;
    }
}
