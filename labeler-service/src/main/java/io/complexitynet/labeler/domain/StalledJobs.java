package io.complexitynet.labeler.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Notices a running job that makes no progress while tasks are still open: its open count has not moved for
 * {@code stallAfter}. A message lost to an outage (dead-lettered, dropped with a connection) then delays the job
 * by that long instead of wedging it, because the job's outstanding work is sent again; redelivered work is a
 * no-op for what is already stored. What one replica has seen is its own: each may re-send, harmlessly.
 */
public final class StalledJobs {

    private record Seen(long open, Instant since) {
    }

    private final Duration stallAfter;
    private final Map<String, Seen> seen = new HashMap<>();

    public StalledJobs(Duration stallAfter) {
        this.stallAfter = stallAfter;
    }

    /**
     * @param open each running job's open tasks now
     * @return the jobs stalled for {@code stallAfter}; their clock starts again, so the next re-send waits as long
     */
    public synchronized List<String> stalled(Map<String, Long> open, Instant now) {
        seen.keySet().retainAll(open.keySet());
        List<String> stalled = new ArrayList<>();
        open.forEach((job, count) -> {
            Seen last = seen.get(job);
            if (last == null || last.open() != count) {
                seen.put(job, new Seen(count, now));
            } else if (count > 0 && !now.isBefore(last.since().plus(stallAfter))) {
                stalled.add(job);
                seen.put(job, new Seen(count, now));
            }
        });
        return stalled;
    }
}
