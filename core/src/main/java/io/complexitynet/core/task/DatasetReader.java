package io.complexitynet.core.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a data set's JSONL in one of the {@link TaskFormat}s, named or recognised from the first line's fields.
 * All or nothing: the first line that is not a task of that format stops the read with its line number, so a
 * caller never stores half an import. Errors say where and what is wrong, never echo the line: it is the caller's.
 */
public final class DatasetReader {

    /** The longest task id the label database stores. */
    public static final int MAX_ID_LENGTH = 100;
    /** Ids the trainer gives the routers' feedback rows; a data set's own may not look like them. */
    public static final String RESERVED_ID_PREFIX = "routed:";
    private static final ObjectMapper JSON = new ObjectMapper();
    // Interpolated into the test statement check(<entry_point>): a Python identifier and nothing else.
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private DatasetReader() {
    }

    /** A file's tasks and the format they were read in. */
    public record Read(TaskFormat format, List<DatasetTask> tasks) {

        public Read {
            tasks = List.copyOf(tasks);
        }
    }

    /** @param format the file's format; empty to recognise it from its first line */
    public static Read read(Reader in, Optional<TaskFormat> format) {
        List<DatasetTask> tasks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        TaskFormat shape = format.orElse(null);
        BufferedReader lines = new BufferedReader(in);
        int number = 0;
        try {
            for (String line; (line = lines.readLine()) != null; ) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = object(number, line);
                if (shape == null) {
                    int first = number;
                    shape = TaskFormat.recognise(node).orElseThrow(() -> new MalformedDatasetException(first,
                            "its fields are none of a known format's; name the format: " + TaskFormat.labels()));
                }
                DatasetTask task = parse(shape, number, node);
                if (!seen.add(task.sourceId())) {
                    throw new MalformedDatasetException(number, shape.idField() + " " + task.sourceId() + " appears twice");
                }
                tasks.add(task);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tasks.isEmpty()) {
            throw new MalformedDatasetException(Math.max(1, number), "the data set has no tasks");
        }
        return new Read(shape, tasks);
    }

    private static JsonNode object(int number, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new MalformedDatasetException(number, "not valid JSON (column " + e.getLocation().getColumnNr() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedDatasetException(number, "not a JSON object");
        }
        return node;
    }

    private static DatasetTask parse(TaskFormat format, int number, JsonNode node) {
        return switch (format) {
            case MBPP -> mbpp(number, node);
            case HUMANEVAL -> humanEval(number, node);
            case GENERIC -> generic(number, node);
        };
    }

    private static DatasetTask mbpp(int number, JsonNode node) {
        JsonNode id = node.get("task_id");
        if (id == null || !id.canConvertToInt() || !id.isIntegralNumber() || id.asInt() < 0) {
            throw new MalformedDatasetException(number, "task_id must be a non-negative integer");
        }
        String text = text(number, node, "text", false);
        String code = optionalText(number, node, "code");
        String setup = optionalText(number, node, "test_setup_code");
        return new DatasetTask(Integer.toString(id.asInt()), text, setup, statements(number, node, "test_list"), code);
    }

    private static DatasetTask humanEval(int number, JsonNode node) {
        String id = id(number, node, "task_id");
        String prompt = text(number, node, "prompt", false);
        String entryPoint = text(number, node, "entry_point", false);
        if (!IDENTIFIER.matcher(entryPoint).matches()) {
            throw new MalformedDatasetException(number, "entry_point must be a Python identifier");
        }
        String test = text(number, node, "test", false);
        String solution = optionalText(number, node, "canonical_solution");
        return new DatasetTask(id, prompt, test, List.of("check(" + entryPoint + ")"), solution.isEmpty() ? "" : prompt + solution);
    }

    private static DatasetTask generic(int number, JsonNode node) {
        return new DatasetTask(id(number, node, "id"), text(number, node, "prompt", false), optionalText(number, node, "setup_code"),
                statements(number, node, "tests"), optionalText(number, node, "reference_solution"));
    }

    private static String id(int number, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank() || value.asText().length() > MAX_ID_LENGTH
                || CONTROL.matcher(value.asText()).find()) {
            throw new MalformedDatasetException(number, field + " must be a non-empty string of at most " + MAX_ID_LENGTH
                    + " characters, without control characters");
        }
        if (value.asText().startsWith(RESERVED_ID_PREFIX)) {
            throw new MalformedDatasetException(number, field + " may not start with '" + RESERVED_ID_PREFIX
                    + "': training uses that prefix for the routers' feedback");
        }
        return value.asText();
    }

    private static List<String> statements(int number, JsonNode node, String field) {
        JsonNode list = node.get(field);
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new MalformedDatasetException(number, field + " must be a non-empty array of strings");
        }
        List<String> tests = new ArrayList<>();
        for (JsonNode test : list) {
            if (!test.isTextual() || test.asText().isBlank()) {
                throw new MalformedDatasetException(number, field + " must hold non-empty strings");
            }
            tests.add(test.asText());
        }
        return tests;
    }

    private static String optionalText(int number, JsonNode node, String field) {
        return node.has(field) ? text(number, node, field, true) : "";
    }

    private static String text(int number, JsonNode node, String field, boolean mayBeEmpty) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || (!mayBeEmpty && value.asText().isBlank())) {
            throw new MalformedDatasetException(number, field + " must be a" + (mayBeEmpty ? "" : " non-empty") + " string");
        }
        return value.asText();
    }
}
