package io.complexitynet.reproduce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input ends the command with exit code 1 and exactly one line on standard error, never a stack trace. */
class ReproduceCommandTest {

    @TempDir
    Path directory;

    private record Outcome(int exitCode, List<String> errorLines) {
    }

    private static Outcome run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new ReproduceCommand()).execute(args);
            return new Outcome(exit, err.toString(StandardCharsets.UTF_8).lines().toList());
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void aMissingDataFileIsOneLine() {
        Outcome outcome = run("--data", "/nowhere/mbpp.jsonl");
        assertEquals(1, outcome.exitCode());
        assertEquals(List.of("reproduce: /nowhere/mbpp.jsonl does not exist; pass --data <file>"), outcome.errorLines());
    }

    @Test
    void aDataFileThatFailsValidationIsOneLine() throws Exception {
        Path broken = directory.resolve("mbpp.jsonl");
        Files.writeString(broken, "{\"task_id\": 1, \"text\": \"no tests\"}\n");
        Files.writeString(directory.resolve("paper-complexity-150.jsonl"), "");
        Outcome outcome = run("--data", broken.toString(), "--format", "mbpp");
        assertEquals(1, outcome.exitCode());
        assertEquals(1, outcome.errorLines().size(), outcome.errorLines()::toString);
        assertTrue(outcome.errorLines().get(0).startsWith("reproduce: " + broken + " is not a valid MBPP file: "),
                outcome.errorLines().get(0));
    }

    @Test
    void anUnreachableServiceIsOneLineNamingItAndTheOption() {
        Outcome outcome = run("--endpoint", "localhost:1");
        assertEquals(1, outcome.exitCode());
        assertEquals(List.of("reproduce: cannot reach the labeler at localhost:1 (Connection refused): start it, or point --labeler"
                + " (or --endpoint) at it"), outcome.errorLines());
    }

    @Test
    void aFormatThatIsNoneOfTheKnownIsOneLine() {
        Outcome outcome = run("--data", "../examples/team-tasks.jsonl", "--format", "csv");
        assertEquals(1, outcome.exitCode());
        assertEquals(List.of("reproduce: 'csv' is not a data set format; use one of mbpp, humaneval, generic"), outcome.errorLines());
    }

    @Test
    void aListedSplitWithABadLineIsOneLineNamingIt() throws Exception {
        Path split = directory.resolve("split.tsv");
        Files.writeString(split, "# our split\nsum-1 train\nsum-2 holdout\n");
        Outcome outcome = run("--data", "../examples/team-tasks.jsonl", "--split", "explicit:" + split);
        assertEquals(1, outcome.exitCode());
        assertEquals(List.of("reproduce: " + split + " line 3: 'holdout' is not a part; expected train, validation or test"),
                outcome.errorLines());
        Files.writeString(split, "sum-1 train\nsum-2 validation\n");
        assertEquals(List.of("reproduce: " + split + ": explicit:split.tsv puts no task in test"),
                run("--data", "../examples/team-tasks.jsonl", "--split", "explicit:" + split).errorLines());
    }

    @Test
    void syntheticRecordingsAreWrittenForEveryTaskModelAndSample() throws Exception {
        Path out = directory.resolve("recordings.jsonl");
        Outcome outcome = run("synthetic-recordings", "--data", "../examples/team-tasks.jsonl", "--models", "a,b", "--k", "2", "--out",
                out.toString());
        assertEquals(0, outcome.exitCode(), outcome.errorLines()::toString);
        List<String> lines = Files.readAllLines(out);
        assertEquals(10 * 2 * 2, lines.size());
        assertTrue(lines.stream().allMatch(line -> line.contains("\"synthetic\":true")), lines.get(0));
    }

    @Test
    void syntheticRecordingsOfTasksWithoutReferenceSolutionsAreOneLine() throws Exception {
        Path bare = directory.resolve("bare.jsonl");
        Files.writeString(bare, "{\"id\": \"t1\", \"prompt\": \"Write f.\", \"tests\": [\"assert f()\"]}\n");
        Outcome outcome = run("synthetic-recordings", "--data", bare.toString(), "--models", "a,b", "--out", directory.resolve("r.jsonl").toString());
        assertEquals(1, outcome.exitCode());
        assertEquals(List.of("synthetic-recordings: task t1 has no reference solution to record as a passing answer"), outcome.errorLines());
    }

    @Test
    void anEndpointWithoutAPortIsOneLine() {
        Outcome outcome = run("--router", "localhost");
        assertEquals(1, outcome.exitCode());
        assertEquals(List.of("reproduce: 'localhost' is not an endpoint; expected HOST:PORT, e.g. localhost:8080"), outcome.errorLines());
    }
}
