package io.complexitynet.core.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.task.MalformedDatasetException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Serves model outputs recorded earlier instead of calling a model, from a JSONL file with one
 * {@code {"task_id", "model", "sample", "completion", "recorded_pass"}} object a line (the
 * shape of {@code mbpp/generations.jsonl}; {@code task_id} an integer or, for data sets with string ids, the
 * task's id as its data set names it). A request for a sample that was not recorded fails:
 * a label built from another sample would not be what it claims to be.
 *
 * <p>Completions are returned verbatim as both code and raw text: the recordings are code already,
 * fences stripped. A {@code null} completion, a model that answered with no code, is served as
 * empty code, which fails like any wrong answer. Recordings carry no token counts, so both counts
 * are 0; the request's temperature and token limit are ignored, since the recording's were fixed
 * when it was made. The latency is that of the lookup.
 */
public final class ReplayBackend implements ModelBackend {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Key(String model, String taskId, int sample) {
    }

    private record Recording(String completion, boolean recordedPass) {
    }

    private final Path source;
    private final Map<Key, Recording> recordings;

    private ReplayBackend(Path source, Map<Key, Recording> recordings) {
        this.source = source;
        this.recordings = Map.copyOf(recordings);
    }

    /**
     * Reads every recording of a file, all or nothing.
     *
     * @throws MalformedDatasetException for the first line that is not a recording, or repeats one
     * @throws UncheckedIOException when the file cannot be read
     */
    public static ReplayBackend load(Path file) {
        Map<Key, Recording> recordings = new HashMap<>();
        Map<Key, Integer> lineOf = new HashMap<>();
        try (BufferedReader lines = Files.newBufferedReader(file)) {
            int number = 0;
            for (String line; (line = lines.readLine()) != null; ) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = parse(number, line);
                Key key = new Key(text(number, node, "model"), taskId(number, node), integer(number, node, "sample"));
                Integer earlier = lineOf.putIfAbsent(key, number);
                if (earlier != null) {
                    throw new MalformedDatasetException(number, "repeats line " + earlier + " (model " + key.model()
                            + ", task " + key.taskId() + ", sample " + key.sample() + ")");
                }
                recordings.put(key, new Recording(completion(number, node), recordedPass(number, node)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new ReplayBackend(file, recordings);
    }

    /**
     * The recorded completion for the request's model, task and sample.
     *
     * @throws BackendException (not retryable) when that sample was not recorded
     */
    @Override
    public Completion complete(CompletionRequest request) {
        long start = System.nanoTime();
        Key key = new Key(request.model(), request.task().sourceId(), request.sampleIndex());
        Recording recording = recordings.get(key);
        if (recording == null) {
            throw BackendException.permanent("no recording of model " + key.model() + ", task " + key.taskId()
                    + ", sample " + key.sample() + " in " + source + knownModelsIfUnknown(key.model()));
        }
        return new Completion(recording.completion(), recording.completion(), 0, 0,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Whether the recording's own harness found that sample passing; empty when it was not recorded. */
    public Optional<Boolean> recordedPass(String model, String taskId, int sample) {
        return Optional.ofNullable(recordings.get(new Key(model, taskId, sample))).map(Recording::recordedPass);
    }

    /** How many recordings were loaded. */
    public int size() {
        return recordings.size();
    }

    // A misspelt model name is the likeliest cause of a miss; the list says so at once.
    private String knownModelsIfUnknown(String model) {
        TreeSet<String> models = new TreeSet<>();
        recordings.keySet().forEach(key -> models.add(key.model()));
        return models.contains(model) ? "" : " (recorded models: " + String.join(", ", models) + ")";
    }

    private static JsonNode parse(int number, String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (!node.isObject()) {
                throw new MalformedDatasetException(number, "not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedDatasetException(number, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    // MBPP's recordings number their tasks; other data sets' ids are strings ("HumanEval/0", a team's own).
    private static String taskId(int number, JsonNode node) {
        return node.path("task_id").isTextual() ? text(number, node, "task_id") : String.valueOf(integer(number, node, "task_id"));
    }

    private static int integer(int number, JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
            throw new MalformedDatasetException(number, field + " must be a non-negative integer");
        }
        return value.asInt();
    }

    private static String text(int number, JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MalformedDatasetException(number, field + " must be a non-empty string");
        }
        return value.asText();
    }

    // null is a recorded answer with no code in it (70 Code Llama lines of MBPP's file), not a gap.
    private static String completion(int number, JsonNode node) {
        JsonNode value = node.path("completion");
        if (value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new MalformedDatasetException(number, "completion must be a string or null");
        }
        return value.asText();
    }

    private static boolean recordedPass(int number, JsonNode node) {
        JsonNode value = node.path("recorded_pass");
        if (!value.isBoolean()) {
            throw new MalformedDatasetException(number, "recorded_pass must be true or false");
        }
        return value.asBoolean();
    }
}
