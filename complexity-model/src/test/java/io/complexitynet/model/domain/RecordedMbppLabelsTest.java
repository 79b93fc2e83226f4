package io.complexitynet.model.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.task.Partition;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        assertEquals(30, count(paper, Partition.TEST));
        // Its 120 plus 221 more tasks of MBPP's train split; 46 tasks of MBPP's validation split.
        assertEquals(341, count(paper, Partition.TRAIN));
        assertEquals(46, count(paper, Partition.VALIDATION));
    }

    @Test
    void thePaperClassDefinitionReproducesEveryLabelOfTheAuthors() throws Exception {
        Map<String, LabelledTask> recorded = new HashMap<>();
        RecordedMbppLabels.all().forEach(task -> recorded.put(task.sourceId(), task));
        List<String> lines = Files.readAllLines(RecordedMbppLabels.dataDir().resolve("paper-complexity-150.jsonl"));
        int checked = 0;
        for (String line : lines) {
            if (!line.isBlank()) {
                JsonNode node = new ObjectMapper().readTree(line);
                assertEquals(Optional.of(node.get("complexity").asInt()),
                        PaperComplexitySet.paperClass(recorded.get(node.get("task_id").asText()).passes()), line);
                checked++;
            }
        }
        assertEquals(150, checked);
    }

    private static long count(PaperComplexitySet paper, Partition partition) {
        return paper.tasks().stream().filter(task -> paper.split().partitionOf(task.sourceId()) == partition).count();
    }
}
