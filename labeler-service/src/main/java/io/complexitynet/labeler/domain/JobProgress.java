package io.complexitynet.labeler.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How far a running job has come, and when it should end at its pace so far. */
public record JobProgress(int tasksTotal, int tasksDone, int tasksParked, Instant startedAt) {

    public Optional<Duration> eta(Instant now) {
        int finished = tasksDone + tasksParked;
        if (finished == 0 || finished >= tasksTotal) {
            return Optional.empty();
        }
        Duration elapsed = Duration.between(startedAt, now);
        return Optional.of(elapsed.multipliedBy(tasksTotal - finished).dividedBy(finished));
    }
}
