package io.complexitynet.core.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads MBPP's JSONL format ({@code task_id}, {@code text}, {@code code}, {@code test_setup_code},
 * {@code test_list}). All or nothing: the first malformed line stops the read with its line number,
 * so a caller never stores half an import.
 */
public final class MbppReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MbppReader() {
    }

    public static List<MbppTask> read(Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static List<MbppTask> read(Reader in) {
        List<MbppTask> tasks = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        BufferedReader lines = new BufferedReader(in);
        int number = 0;
        try {
            for (String line; (line = lines.readLine()) != null; ) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                MbppTask task = parse(number, line);
                if (!seen.add(task.taskId())) {
                    throw new MalformedDatasetException(number, "task_id " + task.taskId() + " appears twice");
                }
                tasks.add(task);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tasks.isEmpty()) {
            throw new MalformedDatasetException(Math.max(1, number), "the data set has no tasks");
        }
        return tasks;
    }

    private static MbppTask parse(int number, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            // Where, never what: the line is the caller's file, and an error must not echo its content.
            throw new MalformedDatasetException(number, "not valid JSON (column " + e.getLocation().getColumnNr() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedDatasetException(number, "not a JSON object");
        }
        JsonNode id = node.get("task_id");
        if (id == null || !id.canConvertToInt() || !id.isIntegralNumber() || id.asInt() < 0) {
            throw new MalformedDatasetException(number, "task_id must be a non-negative integer");
        }
        String text = requiredText(number, node, "text", false);
        String code = node.has("code") ? requiredText(number, node, "code", true) : "";
        String setup = node.has("test_setup_code") ? requiredText(number, node, "test_setup_code", true) : "";
        JsonNode testList = node.get("test_list");
        if (testList == null || !testList.isArray() || testList.isEmpty()) {
            throw new MalformedDatasetException(number, "test_list must be a non-empty array of strings");
        }
        List<String> tests = new ArrayList<>();
        for (JsonNode test : testList) {
            if (!test.isTextual() || test.asText().isBlank()) {
                throw new MalformedDatasetException(number, "test_list must hold non-empty strings");
            }
            tests.add(test.asText());
        }
        return new MbppTask(id.asInt(), text, code, setup, tests);
    }

    private static String requiredText(int number, JsonNode node, String field, boolean mayBeEmpty) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || (!mayBeEmpty && value.asText().isBlank())) {
            throw new MalformedDatasetException(number, field + " must be a" + (mayBeEmpty ? "" : " non-empty") + " string");
        }
        return value.asText();
    }
}
