package io.complexitynet.verifier.mbpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.task.ProvidedNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the shared MBPP files in place (never copied into the repository). */
public final class MbppData {

    /** One MBPP task. */
    public record Task(int taskId, String text, String code, String setupCode, List<String> tests) {

        /** The functions and classes the reference solution defines at top level: what the task asks for. */
        public List<String> definedNames() {
            return ProvidedNames.definedBy(code);
        }
    }


    /** One recorded model output and whether the paper's harness found it passing. */
    public record Generation(int taskId, String model, String completion, boolean recordedPass) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private MbppData() {
    }

    public static Path directory() {
        String configured = System.getProperty("complexitynet.data.dir", "../../shared/data");
        return Path.of(configured, "mbpp").toAbsolutePath().normalize();
    }

    public static List<Task> tasks() {
        List<Task> tasks = new ArrayList<>();
        for (JsonNode node : lines("mbpp.jsonl")) {
            List<String> tests = new ArrayList<>();
            node.get("test_list").forEach(test -> tests.add(test.asText()));
            tasks.add(new Task(node.get("task_id").asInt(), node.get("text").asText(), node.get("code").asText(),
                    node.get("test_setup_code").asText(), tests));
        }
        return tasks;
    }

    public static List<Generation> generations() {
        List<Generation> generations = new ArrayList<>();
        for (JsonNode node : lines("generations.jsonl")) {
            generations.add(new Generation(node.get("task_id").asInt(), node.get("model").asText(),
                    node.get("completion").asText(), node.get("recorded_pass").asBoolean()));
        }
        return generations;
    }

    private static List<JsonNode> lines(String file) {
        Path path = directory().resolve(file);
        try {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : Files.readAllLines(path)) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " (set -Dcomplexitynet.data.dir)", e);
        }
    }
}
