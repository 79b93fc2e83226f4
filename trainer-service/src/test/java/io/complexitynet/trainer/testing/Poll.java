package io.complexitynet.trainer.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Asks again and again until an answer is there or the wait is over: for what the service does after it answered. */
public final class Poll {

    private static final long INTERVAL_MILLIS = 200;

    private Poll() {
    }

    /** The first present answer within the limit; empty when there was none. */
    public static <T> Optional<T> until(Duration limit, Supplier<Optional<T>> probe) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Optional<T> answer = probe.get();
            if (answer.isPresent() || System.nanoTime() >= deadline) {
                return answer;
            }
            Thread.sleep(INTERVAL_MILLIS);
        }
    }
}
