package io.complexitynet.reproduce.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.complexitynet.reproduce.domain.JobStatus;
import io.complexitynet.reproduce.domain.ReproductionFailed;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobPollerTest {

    private record Polled(int poll, JobStatus.Phase phase) implements JobStatus {
    }

    private static Deque<Polled> polls(Polled... statuses) {
        return new ArrayDeque<>(List.of(statuses));
    }

    @Test
    void returnsTheFirstStatusThatIsNoLongerRunningAfterReportingEveryPoll() {
        Deque<Polled> polls = polls(new Polled(1, JobStatus.Phase.RUNNING), new Polled(2, JobStatus.Phase.RUNNING),
                new Polled(3, JobStatus.Phase.STOPPED), new Polled(4, JobStatus.Phase.SUCCEEDED));
        List<Integer> reported = new ArrayList<>();
        Polled ended = new JobPoller(Duration.ZERO).awaitEnd("job 7", Duration.ofMinutes(1), polls::removeFirst,
                polled -> reported.add(polled.poll()));
        assertEquals(new Polled(3, JobStatus.Phase.STOPPED), ended);
        assertEquals(List.of(1, 2, 3), reported);
    }

    @Test
    void aJobStillRunningAtTheDeadlineEndsTheReproductionNamingItAndTheTimeout() {
        JobPoller poller = new JobPoller(Duration.ofMillis(1));
        ReproductionFailed failure = assertThrows(ReproductionFailed.class,
                () -> poller.awaitEnd("training job 7", Duration.ZERO, () -> new Polled(1, JobStatus.Phase.RUNNING), polled -> { }));
        assertEquals("training job 7 did not end within 0 min", failure.getMessage());
    }

    @Test
    void anInterruptedPauseEndsTheReproduction() {
        Thread.currentThread().interrupt();
        try {
            ReproductionFailed failure = assertThrows(ReproductionFailed.class, () -> new JobPoller(Duration.ofSeconds(5)).pause());
            assertEquals("interrupted", failure.getMessage());
        } finally {
            Thread.interrupted();
        }
    }
}
