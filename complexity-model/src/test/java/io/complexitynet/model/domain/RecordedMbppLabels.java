package io.complexitynet.model.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.labelling.ComplexityLabel;
import io.complexitynet.core.labelling.LabellingRule;
import io.complexitynet.core.labelling.ModelPasses;
import io.complexitynet.core.labelling.PaperRule;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.task.MbppReader;
import io.complexitynet.core.task.MbppTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Labels for all of MBPP from the paper's recorded generations ({@code generations.jsonl}, one sample
 * per task and model, its {@code recorded_pass} flag), labelled with the paper rule at k=1, so only
 * complexities 1, 3 and 5 occur. Task 440 has no GPT samples and is left out.
 */
public final class RecordedMbppLabels {

    public static final List<PricedModel> LADDER = List.of(
            new PricedModel("codellama-7b-python", 1),
            new PricedModel("gpt-3.5-turbo-1106", 10),
            new PricedModel("gpt-4-1106-preview", 100));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<LabelledTask> cached;

    private RecordedMbppLabels() {
    }

    public static Path dataDir() {
        return Path.of(System.getProperty("complexitynet.data.dir", "../../shared/data"), "mbpp");
    }

    /** Every MBPP task with a recorded sample from each ladder model, in task id order. */
    public static synchronized List<LabelledTask> all() {
        if (cached == null) {
            cached = read(PaperRule.withDefaults(LADDER.size()));
        }
        return cached;
    }

    /** The same tasks labelled by another rule, e.g. the paper's released three classes. */
    public static List<LabelledTask> labelledBy(LabellingRule rule) {
        return read(rule);
    }

    /** One MBPP task as recorded: the task itself, its pass counts in ladder order, its complexity (null: unsolved). */
    public record RecordedTask(MbppTask task, List<ModelPasses> passes, Integer complexity) {

        public LabelledTask labelled() {
            return new LabelledTask(Integer.toString(task.taskId()), ClassifierInput.of(task.text(), task.tests()), complexity, passes);
        }
    }

    /** Every MBPP task with a recorded sample from each ladder model, labelled by the paper rule, in task id order. */
    public static List<RecordedTask> records() {
        return records(PaperRule.withDefaults(LADDER.size()));
    }

    private static List<LabelledTask> read(LabellingRule rule) {
        return records(rule).stream().map(RecordedTask::labelled).toList();
    }

    private static List<RecordedTask> records(LabellingRule rule) {
        Map<Integer, Map<String, Boolean>> recorded = recordedPasses();
        List<RecordedTask> tasks = new ArrayList<>();
        for (MbppTask task : MbppReader.read(dataDir().resolve("mbpp.jsonl"))) {
            Map<String, Boolean> passed = recorded.getOrDefault(task.taskId(), Map.of());
            if (!LADDER.stream().allMatch(model -> passed.containsKey(model.name()))) {
                continue;
            }
            List<ModelPasses> passes = LADDER.stream()
                    .map(model -> new ModelPasses(model.name(), passed.get(model.name()) ? 1 : 0, 1))
                    .toList();
            ComplexityLabel label = rule.label(passes);
            tasks.add(new RecordedTask(task, passes, label.solved() ? label.complexity().getAsInt() : null));
        }
        return tasks;
    }

    private static Map<Integer, Map<String, Boolean>> recordedPasses() {
        Map<Integer, Map<String, Boolean>> recorded = new HashMap<>();
        try {
            for (String line : Files.readAllLines(dataDir().resolve("generations.jsonl"))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                recorded.computeIfAbsent(node.get("task_id").asInt(), id -> new HashMap<>())
                        .put(node.get("model").asText(), node.get("recorded_pass").asBoolean());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return recorded;
    }
}
