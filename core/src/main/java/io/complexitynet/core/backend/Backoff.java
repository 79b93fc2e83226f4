package io.complexitynet.core.backend;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before a retry: exponential from {@code initial}, capped at {@code max}, with
 * jitter so that callers rejected together do not return together.
 */
record Backoff(Duration initial, Duration max) {

    /**
     * The wait before retry {@code retry} (1 for the first): half of {@code initial * 2^(retry-1)}
     * (capped at {@code max}) plus a random part of up to the other half.
     */
    Duration beforeRetry(int retry) {
        double nominal = Math.min(max.toNanos(), initial.toNanos() * Math.pow(2, retry - 1));
        return Duration.ofNanos((long) (nominal / 2 + ThreadLocalRandom.current().nextDouble() * nominal / 2));
    }

    /**
     * The wait a {@code Retry-After} value asks for, capped at {@code max}: a server asking for
     * minutes would otherwise stall a labelling job; the attempt budget still bounds the total.
     * Only the seconds form is read; an HTTP date gives empty and the normal backoff applies.
     */
    Optional<Duration> retryAfter(String header) {
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds < 0 ? Optional.empty() : Optional.of(min(Duration.ofSeconds(seconds), max));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
