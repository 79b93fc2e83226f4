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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SplitSpecTest {

    private static final List<LabelledTask> TASKS = SyntheticTasks.everyStep(1);

    private static Map<String, Partition> partitions(DataSplit split, List<LabelledTask> tasks) {
        return tasks.stream().collect(Collectors.toMap(LabelledTask::sourceId, task -> split.partitionOf(task.sourceId())));
    }

    @Test
    void mbppIsMbppsOwnSplit() {
        assertEquals("mbpp", SplitSpec.parse("mbpp").split(TASKS, 1).name());
        assertEquals(Partition.TRAIN, SplitSpec.parse("mbpp").split(TASKS, 1).partitionOf("601"));
    }

    @Test
    void aFractionsSplitCutsEveryLabelByTheFractions() {
        DataSplit split = SplitSpec.parse("fractions:0.7/0.15/0.15").split(TASKS, 42);
        assertEquals("fractions:0.7/0.15/0.15 seed 42", split.name());
        Map<Integer, List<LabelledTask>> byLabel = TASKS.stream()
                .collect(Collectors.groupingBy(task -> Objects.requireNonNullElse(task.complexity(), 0)));
        assertEquals(4, byLabel.size(), "complexities 1, 3, 5 and unsolved");
        for (List<LabelledTask> label : byLabel.values()) {
            Map<Partition, Long> counts = label.stream().collect(Collectors.groupingBy(task -> split.partitionOf(task.sourceId()),
                    Collectors.counting()));
            assertEquals(Math.round(label.size() * 0.7), counts.get(Partition.TRAIN), counts::toString);
            assertTrue(Math.abs(counts.get(Partition.VALIDATION) - label.size() * 0.15) <= 1, counts::toString);
            assertEquals(label.size(), counts.values().stream().mapToLong(Long::longValue).sum());
        }
    }

    @Test
    void theSameLabelsAndSeedGiveTheSameSplitInAnyOrderAndAnotherSeedAnother() {
        List<LabelledTask> shuffled = new ArrayList<>(TASKS);
        Collections.shuffle(shuffled, new Random(7));
        SplitSpec spec = SplitSpec.parse("fractions:0.6/0.2/0.2");
        Map<String, Partition> first = partitions(spec.split(TASKS, 3), TASKS);
        assertEquals(first, partitions(spec.split(shuffled, 3), TASKS));
        assertNotEquals(first, partitions(spec.split(TASKS, 4), TASKS));
        // A task added later leaves all but a handful of the others where they were.
        List<LabelledTask> grown = new ArrayList<>(TASKS);
        grown.add(SyntheticTasks.task(2000));
        Map<String, Partition> after = partitions(spec.split(grown, 3), TASKS);
        long moved = TASKS.stream().map(LabelledTask::sourceId).filter(id -> first.get(id) != after.get(id)).count();
        assertTrue(moved <= 3, moved + " tasks moved");
    }

    @Test
    void tooFewLabelsForASplitAreSaidBeforeTrainingWithTheCountsPerClass() {
        // Tasks 11, 108, 205, 302, 399: complexity 5 twice, 1 and 3 once each, one unsolved.
        List<LabelledTask> five = SyntheticTasks.everyStep(97).subList(0, 5);
        assertEquals("split 'fractions:0.7/0.15/0.15' leaves no solved task in test: labelled tasks per class {1=1, 3=1, 5=2, unsolved=1};"
                + " with these fractions a class needs at least 6 labelled tasks to reach every part",
                SplitSpec.parse("fractions:0.7/0.15/0.15").shortfall(five, 1).orElseThrow());
        assertEquals(Optional.empty(), SplitSpec.parse("fractions:0.7/0.15/0.15").shortfall(TASKS, 1));
        assertEquals(Optional.empty(), SplitSpec.parse("mbpp").shortfall(TASKS, 1));
        assertTrue(SplitSpec.parse("mbpp").shortfall(five, 1).orElseThrow()
                .endsWith("MBPP's split needs solved tasks among ids 601-974, 511-600 and 11-510"));
    }

    @Test
    void anExplicitSplitTakesItsPartsFromTheRequestAndExcludesTheRest() {
        SplitSpec explicit = SplitSpec.parse("explicit", Optional.of(new SplitParts(List.of("11", "12"), List.of("13"), List.of("14"))));
        DataSplit split = explicit.split(TASKS, 1);
        assertEquals("explicit", split.name());
        assertEquals(List.of(Partition.TRAIN, Partition.TRAIN, Partition.VALIDATION, Partition.TEST, Partition.EXCLUDED),
                List.of("11", "12", "13", "14", "15").stream().map(split::partitionOf).toList());
        Function<SplitParts, String> refusal = parts -> assertThrows(IllegalArgumentException.class,
                () -> SplitSpec.parse("explicit", Optional.of(parts))).getMessage();
        assertEquals("split 'explicit': task 11 is listed in train and in test",
                refusal.apply(new SplitParts(List.of("11"), List.of("12"), List.of("11"))));
        assertEquals("split 'explicit': task 11 is listed in train twice", refusal.apply(new SplitParts(List.of("11", "11"), List.of("12"),
                List.of("13"))));
        assertEquals("split 'explicit': validation lists no task", refusal.apply(new SplitParts(List.of("11"), List.of(), List.of("13"))));
        assertEquals("split 'explicit' needs the task ids of train, validation and test",
                assertThrows(IllegalArgumentException.class, () -> SplitSpec.parse("explicit")).getMessage());
        assertEquals("task ids per part are read only with split 'explicit', not 'mbpp'", assertThrows(IllegalArgumentException.class,
                () -> SplitSpec.parse("mbpp", Optional.of(new SplitParts(List.of("1"), List.of("2"), List.of("3"))))).getMessage());
    }

    @Test
    void aSplitThatIsNotOneIsRefusedSayingWhichThereAre() {
        Function<String, String> refusal = spec -> assertThrows(IllegalArgumentException.class, () -> SplitSpec.parse(spec)).getMessage();
        assertEquals("unknown split 'random'; use " + SplitSpec.FORMS, refusal.apply("random"));
        assertEquals("split 'fractions:0.7/0.3': needs three fractions; use " + SplitSpec.FORMS, refusal.apply("fractions:0.7/0.3"));
        assertEquals("split 'fractions:0.7/0.2/0.2': the fractions sum to 1.1, not 1", refusal.apply("fractions:0.7/0.2/0.2"));
        assertEquals("split 'fractions:1/0/0': every part needs a share above 0; use " + SplitSpec.FORMS, refusal.apply("fractions:1/0/0"));
        assertEquals("split 'fractions:a/b/c': 'a' is not a number; use " + SplitSpec.FORMS, refusal.apply("fractions:a/b/c"));
    }
}
