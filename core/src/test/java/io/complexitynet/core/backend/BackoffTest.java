package io.complexitynet.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void eachRetryWaitsBetweenHalfAndAllOfTheDoubledDelay() {
        for (int i = 0; i < 200; i++) {
            assertBetween(50, 100, backoff.beforeRetry(1));
            assertBetween(100, 200, backoff.beforeRetry(2));
            assertBetween(200, 400, backoff.beforeRetry(3));
        }
    }

    @Test
    void theDelayStopsGrowingAtTheMaximum() {
        assertBetween(500, 1000, backoff.beforeRetry(40));
    }

    @Test
    void retryAfterInSecondsIsHonouredUpToTheMaximum() {
        assertEquals(Optional.of(Duration.ZERO), backoff.retryAfter("0"));
        assertEquals(Optional.of(Duration.ofSeconds(1)), backoff.retryAfter(" 1 "));
        assertEquals(Optional.of(Duration.ofSeconds(1)), backoff.retryAfter("120"));
    }

    @Test
    void retryAfterAsADateOrNonsenseIsIgnored() {
        assertEquals(Optional.empty(), backoff.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertEquals(Optional.empty(), backoff.retryAfter("-3"));
        assertEquals(Optional.empty(), backoff.retryAfter("1.5"));
    }

    private static void assertBetween(long minMillis, long maxMillis, Duration actual) {
        assertTrue(actual.toMillis() >= minMillis && actual.toMillis() <= maxMillis,
                actual.toMillis() + " ms is outside [" + minMillis + ", " + maxMillis + "]");
    }
}
