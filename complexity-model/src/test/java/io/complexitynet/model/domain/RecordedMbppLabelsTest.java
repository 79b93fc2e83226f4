package io.complexitynet.model.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordedMbppLabelsTest {

    @Test
    void labelsEveryTaskWithThreeRecordedSamples() {
        List<LabelledTask> tasks = RecordedMbppLabels.all();
        assertEquals(973, tasks.size());
        // PAPER.md: 653 MBPP tasks some model solved by the recorded flags.
        assertEquals(653, tasks.stream().filter(LabelledTask::solved).count());
        assertEquals(List.of(1, 3, 5), tasks.stream().filter(LabelledTask::solved).map(LabelledTask::complexity)
                .distinct().sorted().toList());
    }

    @Test
    void thePaperSetKeepsTheAuthorsThirtyForTesting() {
        PaperComplexitySet paper = PaperComplexitySet.read();
        assertEquals(150, paper.tasks().size());
        assertEquals(30, paper.tasks().stream().filter(task -> paper.split().partitionOf(task.sourceId()) == Partition.TEST).count());
        assertEquals(24, paper.tasks().stream()
                .filter(task -> paper.split().partitionOf(task.sourceId()) == Partition.VALIDATION).count());
    }
}
