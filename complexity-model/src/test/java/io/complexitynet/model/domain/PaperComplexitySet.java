package io.complexitynet.model.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.labelling.ModelPasses;
import io.complexitynet.core.task.MbppTask;
import io.complexitynet.core.task.Partition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paper's final label set ({@code paper-complexity-150.jsonl}): 150 class-balanced tasks with the
 * authors' classes 0 (all three models passed), 1 (GPT-3.5 and GPT-4 but not Code Llama), 2 (GPT-4 but
 * not GPT-3.5) and their 120/30 train/validation split. As the paper did, the model trains on its 120 and
 * is scored on its 30 (our test tasks). Beside the 120 it also trains on the other tasks of MBPP's train
 * split (601-974) that the recorded outcomes put in one of those classes by the same definition (from 150
 * rows to about 340); the same tasks of MBPP's validation split (511-600) are the validation split, for
 * calibration and model selection only. No task of the 30 is used for anything but the score.
 */
public final class PaperComplexitySet {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FIRST_VALIDATION_TASK = 511;
    private static final int FIRST_TRAIN_TASK = 601;

    private final List<LabelledTask> tasks;
    private final DataSplit split;

    private PaperComplexitySet(List<LabelledTask> tasks, DataSplit split) {
        this.tasks = tasks;
        this.split = split;
    }

    public static PaperComplexitySet read() {
        Map<Integer, JsonNode> paper = paperLines();
        List<LabelledTask> tasks = new ArrayList<>();
        Map<String, Partition> partitions = new HashMap<>();
        for (RecordedMbppLabels.RecordedTask recorded : RecordedMbppLabels.records()) {
            MbppTask task = recorded.task();
            String id = Integer.toString(task.taskId());
            String prompt = recorded.labelled().prompt();
            JsonNode line = paper.get(task.taskId());
            if (line != null) {
                tasks.add(new LabelledTask(id, prompt, line.get("complexity").asInt(), recorded.passes()));
                partitions.put(id, line.get("split").asText().equals("val") ? Partition.TEST : Partition.TRAIN);
                continue;
            }
            Optional<Integer> complexity = paperClass(recorded.passes());
            if (complexity.isPresent() && task.taskId() >= FIRST_VALIDATION_TASK) {
                tasks.add(new LabelledTask(id, prompt, complexity.get(), recorded.passes()));
                partitions.put(id, task.taskId() >= FIRST_TRAIN_TASK ? Partition.TRAIN : Partition.VALIDATION);
            }
        }
        if (tasks.stream().filter(task -> paper.containsKey(Integer.parseInt(task.sourceId()))).count() != paper.size()) {
            throw new IllegalStateException("a task of the paper's set has no recorded outcome for every model");
        }
        return new PaperComplexitySet(List.copyOf(tasks), DataSplit.explicit("paper-150", partitions));
    }

    /**
     * The class the paper's set gives a task with these recorded outcomes (Code Llama, GPT-3.5, GPT-4):
     * it reproduces all 150 of the authors' labels. Outcomes it has no class for (GPT-4 failed, or no
     * model passed) give none.
     */
    static Optional<Integer> paperClass(List<ModelPasses> passes) {
        boolean codeLlama = passes.get(0).passes() > 0;
        boolean gpt35 = passes.get(1).passes() > 0;
        boolean gpt4 = passes.get(2).passes() > 0;
        if (!gpt4) {
            return Optional.empty();
        }
        if (!gpt35) {
            return Optional.of(2);
        }
        return Optional.of(codeLlama ? 0 : 1);
    }

    private static Map<Integer, JsonNode> paperLines() {
        Map<Integer, JsonNode> lines = new HashMap<>();
        try {
            for (String line : Files.readAllLines(RecordedMbppLabels.dataDir().resolve("paper-complexity-150.jsonl"))) {
                if (!line.isBlank()) {
                    JsonNode node = JSON.readTree(line);
                    lines.put(node.get("task_id").asInt(), node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** The paper's 150 tasks and the MBPP tasks added for training and validation, in task id order. */
    public List<LabelledTask> tasks() {
        return tasks;
    }

    public DataSplit split() {
        return split;
    }

    /**
     * The training parameters for this set: the defaults with the classifier's classes balanced, because
     * the 30 scored tasks are balanced by construction and the added MBPP rows are not.
     */
    public static TrainingParameters parameters() {
        return TrainingParameters.defaults().withBalancedClasses(true);
    }
}
