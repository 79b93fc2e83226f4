package io.complexitynet.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitFractionsTest {

    private record Task(String id, OptionalInt complexity) {
    }

    private static List<Task> tasks() {
        return IntStream.range(0, 60).mapToObj(i -> new Task("task-" + i, i % 3 == 2 ? OptionalInt.empty() : OptionalInt.of(i % 3)))
                .toList();
    }

    private static Map<String, Partition> cut(SplitFractions fractions, List<Task> tasks, long seed) {
        return fractions.cut(tasks, Task::id, Task::complexity, seed);
    }

    @Test
    void theCutIsStratifiedAndTheSameWhateverOrderTheTasksComeIn() {
        SplitFractions fractions = SplitFractions.parse("fractions:0.5/0.25/0.25", "...");
        List<Task> shuffled = new ArrayList<>(tasks());
        Collections.reverse(shuffled);
        Map<String, Partition> parts = cut(fractions, tasks(), 7);
        assertEquals(parts, cut(fractions, shuffled, 7));
        assertNotEquals(parts, cut(fractions, tasks(), 8));
        for (OptionalInt label : List.of(OptionalInt.of(0), OptionalInt.of(1), OptionalInt.empty())) {
            List<Partition> ofLabel = tasks().stream().filter(task -> task.complexity().equals(label)).map(task -> parts.get(task.id())).toList();
            assertEquals(10, Collections.frequency(ofLabel, Partition.TRAIN), label::toString);
            assertEquals(5, Collections.frequency(ofLabel, Partition.VALIDATION), label::toString);
            assertEquals(5, Collections.frequency(ofLabel, Partition.TEST), label::toString);
        }
    }

    @Test
    void itIsNamedWithoutTrailingZerosAndSaysWhatALabelNeeds() {
        SplitFractions fractions = SplitFractions.parse("fractions:0.70/0.150/0.15", "...");
        assertEquals("fractions:0.7/0.15/0.15", fractions.name());
        assertEquals(6, fractions.tasksToReachEveryPart());
        assertEquals("split 'fractions:0.7/0.2/0.2': the fractions sum to 1.1, not 1",
                assertThrows(IllegalArgumentException.class, () -> SplitFractions.parse("fractions:0.7/0.2/0.2", "...")).getMessage());
        assertEquals("unknown split 'halves'; use mbpp",
                assertThrows(IllegalArgumentException.class, () -> SplitFractions.parse("halves", "mbpp")).getMessage());
    }
}
