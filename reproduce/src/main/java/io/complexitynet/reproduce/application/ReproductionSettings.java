package io.complexitynet.reproduce.application;

import io.complexitynet.core.task.MbppTask;
import io.complexitynet.reproduce.domain.PaperSetTask;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one reproduction runs on.
 *
 * @param dataset      the data set's name in the labeler (imported unless it exists already)
 * @param labelerPath  the MBPP file as the labeler reads it (its own file system)
 * @param tasks        the same tasks as read here: the prompts and tests sent to the router
 * @param paperSet     the paper's 150 labelled tasks, classified and scored (empty: that row is skipped)
 * @param costUnits    per-request cost of each ladder model, cheapest first (the paper's 1, 10, 100)
 * @param seed         the training seed
 * @param concurrency  routed requests in flight at once
 * @param jobTimeout   the longest a labelling or training job may take
 * @param tenant       the tenant the router token names, given a policy through TenantAdmin if it has none
 *                     (empty: the router's own default or existing policy serves it)
 */
public record ReproductionSettings(String dataset, String labelerPath, List<MbppTask> tasks, List<PaperSetTask> paperSet,
                                   List<Double> costUnits, long seed, int concurrency, Duration jobTimeout,
                                   Optional<String> tenant) {

    public ReproductionSettings {
        tasks = List.copyOf(tasks);
        paperSet = List.copyOf(paperSet);
        costUnits = List.copyOf(costUnits);
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
    }
}
