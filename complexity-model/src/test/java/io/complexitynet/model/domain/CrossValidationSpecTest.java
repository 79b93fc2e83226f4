package io.complexitynet.model.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.task.Partition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CrossValidationSpecTest {

    private static final List<LabelledTask> TASKS = SyntheticTasks.everyStep(1);

    private static List<Map<String, Partition>> partitions(List<DataSplit> folds, List<LabelledTask> tasks) {
        return folds.stream().map(split -> tasks.stream()
                .collect(Collectors.toMap(LabelledTask::sourceId, task -> split.partitionOf(task.sourceId())))).toList();
    }

    @Test
    void theSameLabelsAndSeedGiveTheSameFoldsInAnyOrderAndAnotherSeedOthers() {
        List<LabelledTask> shuffled = new ArrayList<>(TASKS);
        Collections.shuffle(shuffled, new Random(5));
        CrossValidationSpec spec = new CrossValidationSpec(5);
        List<Map<String, Partition>> first = partitions(spec.splits(TASKS, 3), TASKS);
        assertEquals(first, partitions(spec.splits(shuffled, 3), TASKS));
        assertEquals(first, partitions(spec.splits(TASKS, 3), TASKS));
        assertNotEquals(first, partitions(spec.splits(TASKS, 4), TASKS));
        assertEquals("fold 2 of 5 seed 3", spec.splits(TASKS, 3).get(1).name());
    }

    @Test
    void everyTaskIsHeldOutInExactlyOneFoldAndEveryFoldHoldsEachLabelsShare() {
        int folds = 4;
        List<DataSplit> splits = new CrossValidationSpec(folds).splits(TASKS, 9);
        Map<Integer, List<LabelledTask>> byLabel = TASKS.stream()
                .collect(Collectors.groupingBy(task -> Objects.requireNonNullElse(task.complexity(), 0)));
        assertEquals(4, byLabel.size(), "complexities 1, 3, 5 and unsolved");
        for (LabelledTask task : TASKS) {
            assertEquals(1, splits.stream().filter(split -> split.partitionOf(task.sourceId()) == Partition.TEST).count(), task.sourceId());
        }
        for (List<LabelledTask> label : byLabel.values()) {
            for (DataSplit split : splits) {
                Map<Partition, Long> counts = label.stream()
                        .collect(Collectors.groupingBy(task -> split.partitionOf(task.sourceId()), Collectors.counting()));
                assertTrue(Math.abs(counts.get(Partition.TEST) - label.size() / (double) folds) < 1, split.name() + " " + counts);
                long rest = label.size() - counts.get(Partition.TEST);
                assertEquals(Math.round(rest * 0.2), counts.get(Partition.VALIDATION), split.name() + " " + counts);
                assertEquals(rest - counts.get(Partition.VALIDATION), counts.get(Partition.TRAIN), split.name() + " " + counts);
            }
        }
    }

    @Test
    void theValidationWindowMovesWithTheFold() {
        List<DataSplit> splits = new CrossValidationSpec(5).splits(TASKS, 1);
        List<List<String>> validation = splits.stream().map(split -> TASKS.stream().map(LabelledTask::sourceId)
                .filter(id -> split.partitionOf(id) == Partition.VALIDATION).toList()).toList();
        long shared = validation.get(0).stream().filter(validation.get(2)::contains).count();
        assertTrue(shared < validation.get(0).size() / 2, shared + " of " + validation.get(0).size() + " validation tasks shared");
    }

    @Test
    void tooFewLabelsForTheFoldsAreSaidBeforeTrainingWithTheCountsPerClass() {
        // Tasks 11, 108, 205, 302, 399: complexity 5 twice, 1 and 3 once each, one unsolved. With 5 tasks of a class, fold 1
        // holds out 2 and keeps 3, of which a fifth rounds to 1 for validation; with 4, 2 are kept and none validates.
        List<LabelledTask> five = SyntheticTasks.everyStep(97).subList(0, 5);
        assertEquals("cross-validation in 3 folds leaves no solved task in fold 1 (validation), fold 2 (validation),"
                        + " fold 3 (validation, test): labelled tasks per class {1=1, 3=1, 5=2, unsolved=1};"
                        + " with 3 folds a class needs at least 5 labelled tasks to reach every part of every fold",
                new CrossValidationSpec(3).shortfall(five, 1).orElseThrow());
        assertEquals(Optional.empty(), new CrossValidationSpec(10).shortfall(TASKS, 1));
        assertEquals(6, new CrossValidationSpec(2).tasksToReachEveryFold());
        assertEquals(5, new CrossValidationSpec(5).tasksToReachEveryFold());
        assertEquals(10, new CrossValidationSpec(10).tasksToReachEveryFold());
    }

    @Test
    void foldsOutsideTwoToTenAreRefused() {
        assertEquals("cross-validation takes 2 to 10 folds, was 1",
                assertThrows(IllegalArgumentException.class, () -> new CrossValidationSpec(1)).getMessage());
        assertEquals("cross-validation takes 2 to 10 folds, was 11",
                assertThrows(IllegalArgumentException.class, () -> new CrossValidationSpec(11)).getMessage());
    }
}
