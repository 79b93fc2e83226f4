package io.complexitynet.reproduce.application;

import io.complexitynet.core.task.TaskFormat;
import io.complexitynet.reproduce.domain.DataSet;
import io.complexitynet.reproduce.domain.EvaluationSplit;
import io.complexitynet.reproduce.domain.PaperSetTask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one evaluation runs on.
 *
 * @param data             the data set: its name in the labeler (imported unless it exists already), the file as the
 *                         labeler reads it (its own file system), its format and its tasks as read here
 * @param paperSet         the paper's 150 labelled tasks, classified and scored (MBPP only; empty: those rows are skipped)
 * @param split            how the labelled tasks are split for training; the test part is what is classified and routed
 * @param samplesPerModel  answers per model and task the labeler asks for (the paper's k)
 * @param rule             the labelling rule ("" for the labeler's default, paper5)
 * @param ladder           the models to label with, cheapest first, names the labeler and the router both configure (empty:
 *                         the labeler's whole ladder); the router must route over the same ladder
 * @param costUnits        per-request cost of each ladder model, cheapest first; empty for the paper's 1, 10, 100, which
 *                         only MBPP on a three-model ladder has by default
 * @param seed             the training seed, which also orders a fractions split
 * @param concurrency      routed requests in flight at once
 * @param jobTimeout       the longest a labelling or training job may take
 * @param tenant           the tenant the router token names, given a policy through TenantAdmin if it has none
 *                         (empty: the router's own default or existing policy serves it)
 */
public record ReproductionSettings(DataSet data, List<PaperSetTask> paperSet, EvaluationSplit split, int samplesPerModel, String rule,
                                   List<String> ladder, Optional<List<Double>> costUnits, long seed, int concurrency, Duration jobTimeout,
                                   Optional<String> tenant) {

    public ReproductionSettings {
        paperSet = List.copyOf(paperSet);
        ladder = List.copyOf(ladder);
        costUnits = costUnits.map(List::copyOf);
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        if (samplesPerModel < 1) {
            throw new IllegalArgumentException("samples per model must be at least 1, was " + samplesPerModel);
        }
    }

    /** The paper's experiment on an MBPP file: its own split, k = 1, the paper's rule. */
    public static ReproductionSettings mbpp(String dataset, Path file, List<PaperSetTask> paperSet, List<Double> costUnits, long seed,
                                            int concurrency, Duration jobTimeout, Optional<String> tenant) {
        return new ReproductionSettings(DataSet.read(file, dataset, Optional.of(TaskFormat.MBPP)), paperSet,
                EvaluationSplit.defaultFor(TaskFormat.MBPP), 1, "", List.of(), Optional.of(costUnits), seed, concurrency, jobTimeout, tenant);
    }
}
