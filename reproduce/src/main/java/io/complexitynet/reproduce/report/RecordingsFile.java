package io.complexitynet.reproduce.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complexitynet.reproduce.domain.SyntheticRecordings.Recording;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes synthetic recordings as the replay backend reads them: one JSON object a line in the shape of MBPP's
 * {@code generations.jsonl} (task_id, model, sample, completion, recorded_pass), each marked {@code "synthetic": true}
 * so no one takes them for a model's output.
 */
public final class RecordingsFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordingsFile() {
    }

    public static void write(List<Recording> recordings, Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (directory != null) {
            Files.createDirectories(directory);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Recording recording : recordings) {
                ObjectNode line = JSON.createObjectNode().put("task_id", recording.taskId()).put("model", recording.model())
                        .put("sample", recording.sample()).put("completion", recording.completion())
                        .put("recorded_pass", recording.recordedPass()).put("synthetic", true);
                out.write(JSON.writeValueAsString(line));
                out.newLine();
            }
        }
    }
}
