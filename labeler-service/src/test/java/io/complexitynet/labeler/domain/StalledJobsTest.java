package io.complexitynet.labeler.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StalledJobsTest {

    private static final Instant T0 = Instant.parse("2026-12-05T06:00:00Z");
    private final StalledJobs jobs = new StalledJobs(Duration.ofMinutes(2));

    @Test
    void aJobWhoseOpenTasksDoNotMoveIsStalledOncePerPeriod() {
        assertEquals(List.of(), jobs.stalled(Map.of("a", 12L), T0));
        assertEquals(List.of(), jobs.stalled(Map.of("a", 12L), T0.plusSeconds(119)));
        assertEquals(List.of("a"), jobs.stalled(Map.of("a", 12L), T0.plusSeconds(120)));
        assertEquals(List.of(), jobs.stalled(Map.of("a", 12L), T0.plusSeconds(200)), "sent again: the clock restarts");
        assertEquals(List.of("a"), jobs.stalled(Map.of("a", 12L), T0.plusSeconds(240)));
    }

    @Test
    void progressRestartsTheClock() {
        jobs.stalled(Map.of("a", 12L), T0);
        jobs.stalled(Map.of("a", 11L), T0.plusSeconds(100));
        assertEquals(List.of(), jobs.stalled(Map.of("a", 11L), T0.plusSeconds(180)));
        assertEquals(List.of("a"), jobs.stalled(Map.of("a", 11L), T0.plusSeconds(220)));
    }

    @Test
    void aJobWithNothingOpenIsNeverStalled() {
        jobs.stalled(Map.of("a", 0L), T0);
        assertEquals(List.of(), jobs.stalled(Map.of("a", 0L), T0.plusSeconds(600)));
    }
}
