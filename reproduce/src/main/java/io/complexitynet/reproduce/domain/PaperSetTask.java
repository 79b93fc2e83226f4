package io.complexitynet.reproduce.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One task of the paper's final 150-task set: its 3-class label (0 = Code Llama passed, 1 = GPT-3.5 but
 * not Code Llama, 2 = only GPT-4) and whether the authors trained or validated on it.
 */
public record PaperSetTask(int taskId, int complexityClass, boolean validation) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The task's id as the data set names it. */
    public String sourceId() {
        return Integer.toString(taskId);
    }

    /** Reads {@code paper-complexity-150.jsonl}; a malformed line is named in the exception. */
    public static List<PaperSetTask> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the paper's label set " + file, e);
        }
        List<PaperSetTask> tasks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonNode row = JSON.readTree(lines.get(i));
                String split = row.path("split").asText();
                if (!row.path("task_id").isInt() || !row.path("complexity").isInt() || !(split.equals("train") || split.equals("val"))) {
                    throw new IllegalArgumentException("expected {\"task_id\": n, \"complexity\": 0|1|2, \"split\": \"train\"|\"val\"}");
                }
                tasks.add(new PaperSetTask(row.get("task_id").asInt(), row.get("complexity").asInt(), split.equals("val")));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " is not a paper label: " + e.getMessage(), e);
            }
        }
        return tasks;
    }
}
