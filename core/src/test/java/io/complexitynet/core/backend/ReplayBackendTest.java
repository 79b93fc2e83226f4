package io.complexitynet.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.task.MalformedDatasetException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayBackendTest {

    private static final String LINE = "{\"task_id\": 7, \"model\": \"m\", \"sample\": 0, \"completion\": \"x = 1\", \"recorded_pass\": true}";

    private final ReplayBackend replay = ReplayBackend.load(resource("/backend/recordings.jsonl"));

    @TempDir
    Path dir;

    @Test
    void theRecordedCompletionIsServedVerbatimWithoutTokenCounts() {
        Completion completion = replay.complete(CompletionRequests.sample("large-model", "7", 0));
        assertEquals("\ndef add(a, b):\n    return sum((a, b))\n", completion.code());
        assertEquals(completion.code(), completion.rawText());
        assertEquals(0, completion.promptTokens());
        assertEquals(0, completion.completionTokens());
    }

    @Test
    void aNullCompletionIsAnAnswerWithoutCode() {
        assertEquals("", replay.complete(CompletionRequests.sample("small-model", "8", 0)).code());
    }

    @Test
    void recordingsAreKeyedByModelTaskAndSample() {
        assertEquals("def add(a, b):\n    return a - b\n", replay.complete(CompletionRequests.sample("small-model", "7", 0)).code());
        assertEquals("def add(a, b):\n    return a + b", replay.complete(CompletionRequests.sample("small-model", "7", 1)).code());
        assertEquals("def double(x):\n    return 2 * x", replay.complete(CompletionRequests.sample("large-model", "8", 0)).code());
        assertEquals(5, replay.size());
    }

    @Test
    void aDataSetWithStringIdsIsReplayedByThoseIds() throws IOException {
        Path file = Files.writeString(dir.resolve("string-ids.jsonl"), String.join("\n",
                "{\"task_id\": \"billing/refund\", \"model\": \"m\", \"sample\": 0, \"completion\": \"a\", \"recorded_pass\": false}",
                "{\"task_id\": \"billing/refund\", \"model\": \"m\", \"sample\": 1, \"completion\": \"b\", \"recorded_pass\": true}",
                "{\"task_id\": 7, \"model\": \"m\", \"sample\": 0, \"completion\": \"c\", \"recorded_pass\": true}"));
        ReplayBackend strings = ReplayBackend.load(file);
        assertEquals("a", strings.complete(CompletionRequests.sample("m", "billing/refund", 0)).code());
        assertEquals("b", strings.complete(CompletionRequests.sample("m", "billing/refund", 1)).code());
        assertEquals("c", strings.complete(CompletionRequests.sample("m", "7", 0)).code());
        assertEquals("line 1: task_id must be a non-empty string", malformed("{\"task_id\": \" \", \"model\": \"m\", \"sample\": 0,"
                + " \"completion\": \"a\", \"recorded_pass\": false}").getMessage());
    }

    @Test
    void aSampleThatWasNotRecordedIsAPermanentErrorNamingIt() {
        BackendException error = assertThrows(BackendException.class,
                () -> replay.complete(CompletionRequests.sample("small-model", "9", 0)));
        assertFalse(error.retryable());
        assertTrue(error.getMessage().startsWith("no recording of model small-model, task 9, sample 0 in "), error.getMessage());
    }

    @Test
    void anUnknownModelIsReportedWithTheRecordedOnes() {
        BackendException error = assertThrows(BackendException.class,
                () -> replay.complete(CompletionRequests.sample("smal-model", "7", 0)));
        assertTrue(error.getMessage().endsWith("(recorded models: large-model, small-model)"), error.getMessage());
    }

    @Test
    void theRecordedVerdictIsAvailableForReports() {
        assertEquals(Optional.of(false), replay.recordedPass("small-model", "7", 0));
        assertEquals(Optional.of(true), replay.recordedPass("small-model", "7", 1));
        assertEquals(Optional.empty(), replay.recordedPass("small-model", "7", 2));
    }

    @Test
    void aMalformedLineIsReportedWithItsNumber() throws IOException {
        String brokenJson = malformed(LINE + "\n\n{\"task_id\": 8,\n").getMessage();
        assertTrue(brokenJson.startsWith("line 3: not valid JSON: "), brokenJson);
        assertEquals("line 2: sample must be a non-negative integer",
                malformed(LINE + "\n" + LINE.replace("\"sample\": 0", "\"sample\": -1")).getMessage());
        assertEquals("line 1: recorded_pass must be true or false",
                malformed(LINE.replace("true", "\"yes\"")).getMessage());
        assertEquals("line 1: completion must be a string or null", malformed(LINE.replace("\"x = 1\"", "42")).getMessage());
    }

    @Test
    void aRepeatedRecordingIsMalformed() throws IOException {
        assertEquals("line 2: repeats line 1 (model m, task 7, sample 0)", malformed(LINE + "\n" + LINE).getMessage());
    }

    @Test
    void loadsEveryRecordedMbppGeneration() {
        Path generations = Path.of(System.getProperty("complexitynet.data.dir", "../../shared/data"), "mbpp", "generations.jsonl");
        ReplayBackend mbpp = ReplayBackend.load(generations);
        assertEquals(2920, mbpp.size());
        assertEquals(Optional.of(true), mbpp.recordedPass("gpt-4-1106-preview", "1", 0));
        // The paper has no GPT-4 output for task 440.
        BackendException missing = assertThrows(BackendException.class,
                () -> mbpp.complete(CompletionRequests.sample("gpt-4-1106-preview", "440", 0)));
        assertTrue(missing.getMessage().startsWith("no recording of model gpt-4-1106-preview, task 440, sample 0"));
    }

    private MalformedDatasetException malformed(String content) throws IOException {
        Path file = Files.writeString(dir.resolve("recordings.jsonl"), content);
        return assertThrows(MalformedDatasetException.class, () -> ReplayBackend.load(file));
    }

    private static Path resource(String name) {
        try {
            return Path.of(ReplayBackendTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
