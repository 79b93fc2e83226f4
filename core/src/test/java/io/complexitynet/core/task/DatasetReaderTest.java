package io.complexitynet.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatasetReaderTest {

    private static final String GENERIC = """
            {"id": "billing/refund-1", "prompt": "Write refund(amount, fee) returning amount minus fee, never below 0.", \
            "setup_code": "import math", "tests": ["assert refund(10, 3) == 7", "assert refund(1, 3) == 0"], \
            "reference_solution": "def refund(amount, fee):\\n    return max(0, amount - fee)\\n"}
            {"id": "billing/refund-2", "prompt": "Write cents(x) turning a euro amount into whole cents.", "tests": ["assert cents(1.5) == 150"]}
            """;

    private static DatasetReader.Read read(String content, Optional<TaskFormat> format) {
        return DatasetReader.read(new StringReader(content), format);
    }

    private static String refusal(String content, Optional<TaskFormat> format) {
        return assertThrows(MalformedDatasetException.class, () -> read(content, format)).getMessage();
    }

    @Test
    void theGenericFormatIsRecognisedAndKeepsStringIds() {
        DatasetReader.Read read = read(GENERIC, Optional.empty());
        assertEquals(TaskFormat.GENERIC, read.format());
        assertEquals(new DatasetTask("billing/refund-1", "Write refund(amount, fee) returning amount minus fee, never below 0.",
                "import math", List.of("assert refund(10, 3) == 7", "assert refund(1, 3) == 0"),
                "def refund(amount, fee):\n    return max(0, amount - fee)\n"), read.tasks().get(0));
        assertEquals(new DatasetTask("billing/refund-2", "Write cents(x) turning a euro amount into whole cents.", "",
                List.of("assert cents(1.5) == 150"), ""), read.tasks().get(1));
    }

    @Test
    void everyHumanEvalTaskReadsAsCodeSetupAndACheckCall() throws IOException {
        Path file = Path.of(System.getProperty("complexitynet.data.dir", "../../shared/data"), "humaneval", "HumanEval.jsonl");
        DatasetReader.Read read;
        try (Reader in = Files.newBufferedReader(file)) {
            read = DatasetReader.read(in, Optional.empty());
        }
        assertEquals(TaskFormat.HUMANEVAL, read.format());
        assertEquals(164, read.tasks().size());
        DatasetTask first = read.tasks().get(0);
        assertEquals("HumanEval/0", first.sourceId());
        assertEquals(List.of("check(has_close_elements)"), first.tests());
        assertEquals(true, first.setupCode().contains("def check(candidate)"));
        assertEquals(true, first.referenceCode().startsWith(first.prompt()) && first.referenceCode().length() > first.prompt().length());
        assertEquals("HumanEval/163", read.tasks().get(163).sourceId());
    }

    @Test
    void mbppIsRecognisedWithItsNumbersAsIds() {
        String line = "{\"task_id\": 7, \"text\": \"Write add.\", \"code\": \"def add(a, b): return a + b\", \"test_list\": [\"assert add(1, 2) == 3\"]}";
        DatasetReader.Read read = read(line, Optional.empty());
        assertEquals(TaskFormat.MBPP, read.format());
        assertEquals("7", read.tasks().get(0).sourceId());
    }

    @Test
    void aLineThatIsNotATaskOfTheFormatRefusesTheFileWithItsNumber() {
        assertEquals("line 2: tests must be a non-empty array of strings",
                refusal(GENERIC.lines().findFirst().orElseThrow() + "\n{\"id\": \"x\", \"prompt\": \"p\", \"tests\": []}", Optional.empty()));
        assertEquals("line 1: id must be a non-empty string of at most 100 characters, without control characters",
                refusal("{\"id\": \"a\\nb\", \"prompt\": \"p\", \"tests\": [\"assert 1\"]}", Optional.empty()));
        assertEquals("line 1: id must be a non-empty string of at most 100 characters, without control characters",
                refusal("{\"id\": \"" + "x".repeat(101) + "\", \"prompt\": \"p\", \"tests\": [\"assert 1\"]}", Optional.empty()));
        assertEquals("line 1: id may not start with 'routed:': training uses that prefix for the routers' feedback",
                refusal("{\"id\": \"routed:x\", \"prompt\": \"p\", \"tests\": [\"assert 1\"]}", Optional.empty()));
        assertEquals("line 2: id billing/refund-1 appears twice",
                refusal(GENERIC.lines().findFirst().orElseThrow() + "\n" + GENERIC.lines().findFirst().orElseThrow(), Optional.empty()));
        // A file named as another format than it is: its lines lack that format's fields.
        assertEquals("line 1: task_id must be a non-empty string of at most 100 characters, without control characters",
                refusal(GENERIC, Optional.of(TaskFormat.HUMANEVAL)));
        assertEquals("line 1: its fields are none of a known format's; name the format: mbpp, humaneval, generic",
                refusal("{\"question\": \"?\"}", Optional.empty()));
    }

    @Test
    void anEntryPointIsAPythonIdentifierAndNothingElse() {
        String line = "{\"task_id\": \"t/1\", \"prompt\": \"def f():\\n\", \"entry_point\": \"f); import os; (f\", \"test\": \"def check(c): pass\"}";
        assertEquals("line 1: entry_point must be a Python identifier", refusal(line, Optional.empty()));
    }

    @Test
    void formatsAreNamedAsTheApiNamesThem() {
        assertEquals(TaskFormat.HUMANEVAL, TaskFormat.named("humaneval"));
        assertEquals("'csv' is not a data set format; use one of mbpp, humaneval, generic",
                assertThrows(IllegalArgumentException.class, () -> TaskFormat.named("csv")).getMessage());
    }
}
