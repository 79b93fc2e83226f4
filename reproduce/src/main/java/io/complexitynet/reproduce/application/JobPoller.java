package io.complexitynet.reproduce.application;

import io.complexitynet.reproduce.domain.JobStatus;
import io.complexitynet.reproduce.domain.ReproductionFailed;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Polls a long-running job at a fixed interval until it leaves RUNNING, reporting every poll, and gives up at a deadline. */
final class JobPoller {

    private final Duration interval;

    JobPoller(Duration interval) {
        this.interval = interval;
    }

    /** The job's first status that is not RUNNING; {@code what} names the job when it is still running after {@code timeout}. */
    <J extends JobStatus> J awaitEnd(String what, Duration timeout, Supplier<J> poll, Consumer<J> report) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            J job = poll.get();
            report.accept(job);
            if (job.phase() != JobStatus.Phase.RUNNING) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new ReproductionFailed(what + " did not end within " + timeout.toMinutes() + " min");
            }
            pause();
        }
    }

    /** Waits one interval; also what the wait for the router to take up a model pauses with between probes. */
    void pause() {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReproductionFailed("interrupted", e);
        }
    }
}
