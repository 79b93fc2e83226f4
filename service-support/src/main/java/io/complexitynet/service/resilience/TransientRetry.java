package io.complexitynet.service.resilience;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs work that touches a dependency and waits out the dependency's outage ({@link RetryPolicy}, from
 * {@code complexitynet.retry.*}): a transient failure ({@link TransientFailures}) is tried again, any other
 * failure, or one that outlasts the bound, goes back to the caller at once. The work must be safe to repeat.
 * Each retry counts in {@code complexitynet_transient_retries_total{work=...}}.
 */
@ApplicationScoped
public class TransientRetry {

    private static final Logger LOG = Logger.getLogger(TransientRetry.class);

    @Inject RetryConfig config;
    @Inject MeterRegistry registry;

    /** @param work what is being done, for the log and the metric, e.g. "recording verdicts" */
    public void run(String work, Runnable action) {
        call(work, () -> {
            action.run();
            return null;
        });
    }

    public <T> T call(String work, Supplier<T> action) {
        RetryPolicy policy = config.policy();
        long start = System.nanoTime();
        for (int failures = 1; ; failures++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    throw e;
                }
                Duration delay = policy.delay(failures, ThreadLocalRandom.current());
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                if (!policy.mayWait(elapsed, delay)) {
                    LOG.warnf("%s: still failing after %d s, giving up for now: %s", work, elapsed.toSeconds(), e.getMessage());
                    throw e;
                }
                registry.counter("complexitynet_transient_retries_total", "work", work).increment();
                LOG.warnf("%s: a dependency failed (attempt %d), again in %d ms: %s", work, failures, delay.toMillis(), e.getMessage());
                sleep(delay, e);
            }
        }
    }

    private static void sleep(Duration delay, RuntimeException failure) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
