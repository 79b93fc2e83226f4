package io.complexitynet.reproduce.domain;

import io.complexitynet.core.task.DatasetTask;
import io.complexitynet.core.task.MbppPartitions;
import io.complexitynet.core.task.SplitFractions;
import io.complexitynet.core.task.TaskFormat;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How an evaluation splits its data set into train, validation and test: MBPP's own task-id ranges, or fractions,
 * stratified by label. The trainer does not report which tasks a fractions split put in test, so a fractions split is
 * cut here, by core's {@link SplitFractions} as the trainer cuts it, and sent to the trainer as an explicit one: the
 * tasks routed are then exactly those the model never saw.
 */
public record EvaluationSplit(String name, Optional<SplitFractions> fractions) {

    public static final String MBPP = "mbpp";
    private static final String FORMS = "mbpp or fractions:<train>/<validation>/<test> summing to 1 (e.g. fractions:0.7/0.15/0.15)";

    /** MBPP's own split for MBPP, else 70 / 15 / 15 by label. */
    public static EvaluationSplit defaultFor(TaskFormat format) {
        return parse(format == TaskFormat.MBPP ? MBPP : "fractions:0.7/0.15/0.15");
    }

    /** @throws IllegalArgumentException saying which splits there are */
    public static EvaluationSplit parse(String spec) {
        if (MBPP.equals(spec)) {
            return new EvaluationSplit(spec, Optional.empty());
        }
        SplitFractions fractions = SplitFractions.parse(spec, FORMS);
        return new EvaluationSplit(fractions.name(), Optional.of(fractions));
    }

    /** The split the trainer is asked for: its own "mbpp", or "explicit" with the parts made here. */
    public String trainerSplit() {
        return fractions.isPresent() ? "explicit" : MBPP;
    }

    /**
     * Each labelled task's part. MBPP's split needs MBPP's integer task ids; fractions cut each label's tasks (the
     * unsolved ones too) in the order of a hash of the seed and their id.
     */
    public TaskPartitions partition(List<DatasetTask> tasks, Collection<TaskOutcome> labels, long seed) {
        if (fractions.isPresent()) {
            return new TaskPartitions(fractions.get().cut(labels, TaskOutcome::taskId, TaskOutcome::complexity, seed));
        }
        return TaskPartitions.of(tasks.stream().map(DatasetTask::sourceId).toList(), id -> {
            try {
                return MbppPartitions.of(Integer.parseInt(id));
            } catch (NumberFormatException e) {
                throw new ReproductionFailed("split mbpp needs MBPP's integer task ids, and task '" + id
                        + "' has none; pass --split fractions:0.7/0.15/0.15");
            }
        });
    }

    /** How reports name it: the split and, for fractions, where the parts were made. */
    public String describe(long seed) {
        return fractions.isPresent() ? name + " by label, seed " + seed + " (parts made here, sent as explicit)"
                : "mbpp (train 601-974, validation 511-600, test 11-510)";
    }

    public boolean isMbpp() {
        return fractions.isEmpty();
    }
}
