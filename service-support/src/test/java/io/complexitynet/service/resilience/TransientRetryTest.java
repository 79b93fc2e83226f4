package io.complexitynet.service.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransientRetryTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aTransientFailureIsTriedAgainUntilTheWorkSucceeds() {
        TransientRetry retry = retry(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(30));
        AtomicInteger calls = new AtomicInteger();

        String result = retry.call("storing", () -> {
            if (calls.incrementAndGet() <= 3) {
                throw databaseDown();
            }
            return "stored";
        });

        assertEquals("stored", result);
        assertEquals(4, calls.get());
        assertEquals(3, registry.counter("complexitynet_transient_retries_total", "work", "storing").count());
    }

    @Test
    void anOutageLongerThanMaxDurationGoesBackToTheCaller() {
        TransientRetry retry = retry(Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(300));
        AtomicInteger calls = new AtomicInteger();
        RuntimeException down = databaseDown();
        long start = System.nanoTime();

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> retry.run("storing", () -> {
            calls.incrementAndGet();
            throw down;
        }));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertSame(down, thrown);
        assertTrue(calls.get() > 1, "tried only once");
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "waited " + took + " for a 300 ms bound");
    }

    @Test
    void aFailureOfTheWorkItselfGoesBackAtOnce() {
        TransientRetry retry = retry(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(30));
        AtomicInteger calls = new AtomicInteger();
        IllegalArgumentException bad = new IllegalArgumentException("not a protobuf message");

        assertSame(bad, assertThrows(IllegalArgumentException.class, () -> retry.run("parsing", () -> {
            calls.incrementAndGet();
            throw bad;
        })));
        assertEquals(1, calls.get());
        assertEquals(0, registry.counter("complexitynet_transient_retries_total", "work", "parsing").count());
    }

    private static RuntimeException databaseDown() {
        return new IllegalStateException(new SQLException("Connection refused", "08001"));
    }

    private TransientRetry retry(Duration initialDelay, Duration maxDelay, Duration maxDuration) {
        TransientRetry retry = new TransientRetry();
        retry.config = new RetryConfig() {
            @Override
            public Duration initialDelay() {
                return initialDelay;
            }

            @Override
            public Duration maxDelay() {
                return maxDelay;
            }

            @Override
            public Duration maxDuration() {
                return maxDuration;
            }
        };
        retry.registry = registry;
        return retry;
    }
}
