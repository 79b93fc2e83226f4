package io.complexitynet.reproduce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.task.DatasetTask;
import io.complexitynet.core.task.Partition;
import io.complexitynet.core.task.TaskFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EvaluationSplitTest {

    private static DatasetTask task(String id) {
        return new DatasetTask(id, "Write f.", "", List.of("assert f()"), "def f():\n    return True\n");
    }

    /** 40 tasks of each of complexity 1, complexity 3 and unsolved. */
    private static List<TaskOutcome> labels() {
        List<TaskOutcome> labels = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            OptionalInt complexity = i % 3 == 2 ? OptionalInt.empty() : OptionalInt.of(i % 3 == 0 ? 1 : 3);
            labels.add(new TaskOutcome("t" + i, complexity, new double[] {0, 1}));
        }
        return labels;
    }

    @Test
    void mbppKeepsItsOwnSplitAndEveryOtherFormatGetsFractions() {
        assertEquals("mbpp", EvaluationSplit.defaultFor(TaskFormat.MBPP).trainerSplit());
        assertEquals("fractions:0.7/0.15/0.15", EvaluationSplit.defaultFor(TaskFormat.HUMANEVAL).name());
        assertEquals("explicit", EvaluationSplit.defaultFor(TaskFormat.GENERIC).trainerSplit());
    }

    @Test
    void aListedSplitPutsEachTaskWhereItsLineSaysAndLeavesTheRestOut() {
        EvaluationSplit split = EvaluationSplit.listed("explicit:ours.tsv",
                Map.of("a", Partition.TRAIN, "b", Partition.TEST, "c", EvaluationSplit.partNamed("Validation")));
        TaskPartitions parts = split.partition(List.of(task("a"), task("b"), task("c"), task("d")), labels(), 1);
        assertEquals(List.of(Partition.TRAIN, Partition.TEST, Partition.VALIDATION, Partition.EXCLUDED),
                List.of("a", "b", "c", "d").stream().map(parts::of).toList());
        assertEquals("explicit", split.trainerSplit());
        assertEquals("explicit:ours.tsv (train 1, validation 1, test 1 tasks, sent as explicit)", split.describe(1));
        assertThrows(IllegalArgumentException.class, () -> EvaluationSplit.listed("explicit:x", Map.of("a", Partition.TEST)));
    }

    @Test
    void mbppsSplitGoesByTaskId() {
        TaskPartitions parts = EvaluationSplit.parse("mbpp").partition(List.of(task("5"), task("11"), task("600"), task("700")), List.of(), 1);
        assertEquals(List.of(Partition.EXCLUDED, Partition.TEST, Partition.VALIDATION, Partition.TRAIN),
                List.of("5", "11", "600", "700").stream().map(parts::of).toList());
    }

    @Test
    void mbppsSplitNeedsIntegerIds() {
        ReproductionFailed error = assertThrows(ReproductionFailed.class,
                () -> EvaluationSplit.parse("mbpp").partition(List.of(task("HumanEval/0")), List.of(), 1));
        assertTrue(error.getMessage().contains("--split fractions"), error::getMessage);
    }

    @Test
    void fractionsCutEveryLabelByTheSharesTheSameWayForTheSameSeed() {
        EvaluationSplit split = EvaluationSplit.parse("fractions:0.5/0.25/0.25");
        TaskPartitions parts = split.partition(List.of(), labels(), 1);
        for (String label : List.of("1", "3", "unsolved")) {
            List<TaskOutcome> ofLabel = labels().stream()
                    .filter(outcome -> outcome.complexity().isPresent() ? label.equals(String.valueOf(outcome.complexity().getAsInt()))
                            : label.equals("unsolved")).toList();
            List<Partition> partitions = ofLabel.stream().map(outcome -> parts.of(outcome.taskId())).toList();
            assertEquals(20, partitions.stream().filter(Partition.TRAIN::equals).count(), label);
            assertEquals(10, partitions.stream().filter(Partition.VALIDATION::equals).count(), label);
            assertEquals(10, partitions.stream().filter(Partition.TEST::equals).count(), label);
        }
        assertEquals(parts, split.partition(List.of(), labels(), 1));
        assertTrue(!parts.equals(split.partition(List.of(), labels(), 2)), "another seed, another split");
    }

    @Test
    void aSplitThatIsNeitherIsRefusedSayingWhichThereAre() {
        for (String bad : List.of("explicit", "fractions:0.5/0.5", "fractions:0.7/0.2/0.2", "fractions:1/0/0", "fractions:a/b/c")) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> EvaluationSplit.parse(bad), bad);
            assertTrue(error.getMessage().startsWith("unknown split") || error.getMessage().startsWith("split '" + bad + "'"), error::getMessage);
        }
    }
}
