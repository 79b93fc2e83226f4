package io.complexitynet.labeler.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.refusal.RequestRefused;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportDirectoryTest {

    private static final String OUTSIDE = "path: is outside the labeler's import directory (labeler.import.directory)";

    @TempDir
    Path root;

    private ImportDirectory imports() throws IOException {
        return new ImportDirectory(Files.createDirectories(root.resolve("imports")), 100);
    }

    private String refusal(ImportDirectory directory, String path) {
        RequestRefused refused = assertThrows(RequestRefused.class, () -> directory.resolve(path));
        assertEquals(RequestRefused.Kind.INVALID_ARGUMENT, refused.kind());
        return refused.getMessage();
    }

    @Test
    void aFileInsideIsFoundByRelativeOrAbsolutePath() throws IOException {
        ImportDirectory directory = imports();
        Path file = Files.writeString(Files.createDirectories(directory.directory().resolve("mbpp")).resolve("tasks.jsonl"), "{}");
        assertEquals(file.toRealPath(), directory.resolve("mbpp/tasks.jsonl"));
        assertEquals(file.toRealPath(), directory.resolve(file.toString()));
    }

    @Test
    void pathsOutsideAreRefusedAlikeWhetherOrNotTheFileExists() throws IOException {
        ImportDirectory directory = imports();
        Files.writeString(root.resolve("secret.jsonl"), "{}");
        assertEquals(OUTSIDE, refusal(directory, "/etc/passwd"));
        assertEquals(OUTSIDE, refusal(directory, "/etc/no-such-file"));
        assertEquals(OUTSIDE, refusal(directory, "/dev/zero"));
        assertEquals(OUTSIDE, refusal(directory, "../secret.jsonl"));
        assertEquals(OUTSIDE, refusal(directory, "mbpp/../../secret.jsonl"));
        assertEquals(OUTSIDE, refusal(directory, "tasks.jsonl\0.txt"));
    }

    @Test
    void aLinkOutOfTheDirectoryIsRefused() throws IOException {
        ImportDirectory directory = imports();
        Files.writeString(root.resolve("secret.jsonl"), "{}");
        Files.createSymbolicLink(directory.directory().resolve("innocent.jsonl"), root.resolve("secret.jsonl"));
        Files.createSymbolicLink(directory.directory().resolve("zeros.jsonl"), Path.of("/dev/zero"));
        assertEquals(OUTSIDE, refusal(directory, "innocent.jsonl"));
        assertEquals(OUTSIDE, refusal(directory, "zeros.jsonl"));
    }

    @Test
    void onlyRegularFilesWithinTheSizeLimitAreRead() throws IOException, InterruptedException {
        ImportDirectory directory = imports();
        Files.createDirectories(directory.directory().resolve("a-directory"));
        Process mkfifo = new ProcessBuilder("mkfifo", directory.directory().resolve("pipe.jsonl").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        Files.writeString(directory.directory().resolve("large.jsonl"), "x".repeat(101));
        assertEquals("path: a-directory is not a regular file", refusal(directory, "a-directory"));
        assertEquals("path: pipe.jsonl is not a regular file", refusal(directory, "pipe.jsonl"));
        assertTrue(refusal(directory, "large.jsonl").contains("large.jsonl is 101 bytes; at most 100 are imported"));
        assertEquals("path: no readable file missing.jsonl in the import directory", refusal(directory, "missing.jsonl"));
        assertEquals("path: is empty; name a JSONL file in the labeler's import directory", refusal(directory, " "));
    }
}
