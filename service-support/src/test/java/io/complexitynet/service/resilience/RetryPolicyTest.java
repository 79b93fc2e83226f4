package io.complexitynet.service.resilience;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofMinutes(5));

    @Test
    void waitsGrowExponentiallyWithJitterUpToTheCap() {
        Random random = new Random(7);
        for (int failures = 1; failures <= 40; failures++) {
            long cap = Math.min(200L << Math.min(failures - 1, 20), 10_000);
            long delay = policy.delay(failures, random).toMillis();
            assertTrue(delay >= cap / 2 && delay <= cap, failures + ": " + delay + " outside [" + cap / 2 + ", " + cap + "]");
        }
    }

    @Test
    void theBoundIsTimeNotACount() {
        assertTrue(policy.mayWait(Duration.ofMinutes(4), Duration.ofSeconds(10)), "a thousand quick failures are still within five minutes");
        assertFalse(policy.mayWait(Duration.ofSeconds(295), Duration.ofSeconds(10)));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMinutes(1)));
    }
}
