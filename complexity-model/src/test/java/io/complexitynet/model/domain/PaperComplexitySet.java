package io.complexitynet.model.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.labelling.CheapestPassingRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper's final label set ({@code paper-complexity-150.jsonl}): 150 class-balanced tasks with the
 * authors' classes 0 (Code Llama passed), 1 (GPT-3.5 but not Code Llama), 2 (only GPT-4) and their
 * 120/30 train/validation split. The authors evaluated on their 30, so those are our test tasks; every
 * fifth of their 120 (in task id order) is held out as our validation split, for calibration and model
 * selection only.
 */
public final class PaperComplexitySet {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<LabelledTask> tasks;
    private final DataSplit split;

    private PaperComplexitySet(List<LabelledTask> tasks, DataSplit split) {
        this.tasks = tasks;
        this.split = split;
    }

    public static PaperComplexitySet read() {
        Map<String, LabelledTask> recorded = new HashMap<>();
        RecordedMbppLabels.labelledBy(new CheapestPassingRule(RecordedMbppLabels.LADDER.size()))
                .forEach(task -> recorded.put(task.sourceId(), task));
        List<LabelledTask> tasks = new ArrayList<>();
        Map<String, Partition> partitions = new HashMap<>();
        int paperTrain = 0;
        for (JsonNode node : linesByTaskId()) {
            String id = Integer.toString(node.get("task_id").asInt());
            LabelledTask task = recorded.get(id);
            tasks.add(new LabelledTask(id, task.prompt(), node.get("complexity").asInt(), task.passes()));
            if (node.get("split").asText().equals("val")) {
                partitions.put(id, Partition.TEST);
            } else {
                partitions.put(id, paperTrain++ % 5 == 4 ? Partition.VALIDATION : Partition.TRAIN);
            }
        }
        return new PaperComplexitySet(List.copyOf(tasks), DataSplit.explicit("paper-150", partitions));
    }

    private static List<JsonNode> linesByTaskId() {
        List<JsonNode> lines = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(RecordedMbppLabels.dataDir().resolve("paper-complexity-150.jsonl"))) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines.sort(Comparator.comparingInt(node -> node.get("task_id").asInt()));
        return lines;
    }

    public List<LabelledTask> tasks() {
        return tasks;
    }

    public DataSplit split() {
        return split;
    }
}
