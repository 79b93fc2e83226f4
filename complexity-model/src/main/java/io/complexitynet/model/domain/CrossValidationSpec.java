package io.complexitynet.model.domain;

import io.complexitynet.core.task.Partition;
import io.complexitynet.core.task.SplitFractions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * k-fold cross-validation as a training request asks for it. Within each label the tasks are taken in the order a
 * fractions split cuts (a hash of the seed and the task id) and dealt to the folds in turn, so every fold holds each
 * label's share and the same labels and seed give the same folds. Each fold is the test part once; the other folds'
 * tasks of each label train, but for a fifth of them (a window that moves with the fold) held out as the validation part
 * that calibration and the choice of complexity source need.
 */
public record CrossValidationSpec(int folds) {

    public static final int MIN_FOLDS = 2;
    public static final int MAX_FOLDS = 10;
    /** As the default fractions' 0.15 of 0.85: enough validation tasks to calibrate on, most of the rest to learn from. */
    private static final double VALIDATION_SHARE = 0.2;

    /** @throws IllegalArgumentException for fewer than {@value #MIN_FOLDS} or more than {@value #MAX_FOLDS} folds */
    public CrossValidationSpec {
        if (folds < MIN_FOLDS || folds > MAX_FOLDS) {
            throw new IllegalArgumentException("cross-validation takes " + MIN_FOLDS + " to " + MAX_FOLDS + " folds, was " + folds);
        }
    }

    /** One split per fold, in fold order, named {@code fold <i> of <k> seed <seed>}. */
    public List<DataSplit> splits(List<LabelledTask> tasks, long seed) {
        List<Map<String, Partition>> partitions = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            partitions.add(new HashMap<>());
        }
        for (List<LabelledTask> label : SplitFractions.byLabelInSeededOrder(tasks, LabelledTask::sourceId, LabelledTask::label, seed)) {
            for (int fold = 0; fold < folds; fold++) {
                List<LabelledTask> rest = new ArrayList<>();
                for (int i = 0; i < label.size(); i++) {
                    if (i % folds == fold) {
                        partitions.get(fold).put(label.get(i).sourceId(), Partition.TEST);
                    } else {
                        rest.add(label.get(i));
                    }
                }
                long toValidation = Math.round(rest.size() * VALIDATION_SHARE);
                int start = fold * rest.size() / folds;
                for (int i = 0; i < rest.size(); i++) {
                    partitions.get(fold).put(rest.get((start + i) % rest.size()).sourceId(),
                            i < toValidation ? Partition.VALIDATION : Partition.TRAIN);
                }
            }
        }
        List<DataSplit> splits = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            splits.add(DataSplit.explicit("fold " + (fold + 1) + " of " + folds + " seed " + seed, partitions.get(fold)));
        }
        return splits;
    }

    /**
     * Why these labelled tasks cannot be cross-validated, said before a job is queued: a fold would leave train, validation
     * or test without a solved task. Names those folds' parts, how many labelled tasks each class has and how many a class
     * needs to reach every part of every fold. Empty when every fold has them all.
     */
    public Optional<String> shortfall(List<LabelledTask> tasks, long seed) {
        List<DataSplit> splits = splits(tasks, seed);
        List<String> empty = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            List<String> parts = SplitSpec.partsWithoutSolvedTasks(splits.get(fold), tasks);
            if (!parts.isEmpty()) {
                empty.add("fold " + (fold + 1) + " (" + String.join(", ", parts) + ")");
            }
        }
        if (empty.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("cross-validation in " + folds + " folds leaves no solved task in " + String.join(", ", empty)
                + ": labelled tasks per class " + SplitSpec.labelledPerClass(tasks) + "; with " + folds + " folds a class needs at least "
                + tasksToReachEveryFold() + " labelled tasks to reach every part of every fold");
    }

    /** The fewest tasks of one label that give every fold a test, a validation and a training task. */
    int tasksToReachEveryFold() {
        for (int n = folds; ; n++) {
            boolean everyFold = true;
            for (int fold = 0; fold < folds; fold++) {
                int test = (n - fold + folds - 1) / folds;
                int rest = n - test;
                long validation = Math.round(rest * VALIDATION_SHARE);
                everyFold &= validation > 0 && rest - validation > 0;
            }
            if (everyFold) {
                return n;
            }
        }
    }
}
