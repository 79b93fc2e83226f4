package io.complexitynet.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MbppReaderTest {

    private static final String GOOD = "{\"task_id\": 7, \"text\": \"Write a function to add.\", \"code\": \"def add(a, b):\\r\\n\\treturn a + b\","
            + " \"test_setup_code\": \"\", \"test_list\": [\"assert add(1, 2) == 3\"], \"challenge_test_list\": []}";

    @Test
    void readsAllFieldsOfALine() {
        MbppTask task = MbppReader.read(new StringReader(GOOD + "\n")).get(0);
        assertEquals(7, task.taskId());
        assertEquals("def add(a, b):\r\n\treturn a + b", task.referenceCode());
        assertEquals(new CodeTask("7", "Write a function to add.", "", List.of("assert add(1, 2) == 3")), task.toCodeTask());
    }

    @Test
    void aMalformedLineIsReportedWithItsNumber() {
        MalformedDatasetException error = assertThrows(MalformedDatasetException.class,
                () -> MbppReader.read(new StringReader(GOOD + "\n\n{\"task_id\": 8, \"text\": \"x\", \"test_list\": []}\n")));
        assertEquals(3, error.lineNumber());
        assertEquals("line 3: test_list must be a non-empty array of strings", error.getMessage());
    }

    @Test
    void brokenJsonAndDuplicateIdsAreMalformed() {
        assertEquals(2, assertThrows(MalformedDatasetException.class,
                () -> MbppReader.read(new StringReader(GOOD + "\n{\"task_id\": 9,\n"))).lineNumber());
        assertEquals("line 2: task_id 7 appears twice", assertThrows(MalformedDatasetException.class,
                () -> MbppReader.read(new StringReader(GOOD + "\n" + GOOD))).getMessage());
        assertEquals("line 1: the data set has no tasks", assertThrows(MalformedDatasetException.class,
                () -> MbppReader.read(new StringReader(""))).getMessage());
    }

    @Test
    void readsTheWholeOfMbpp() {
        Path data = Path.of(System.getProperty("complexitynet.data.dir", "../../shared/data"), "mbpp", "mbpp.jsonl");
        List<MbppTask> tasks = MbppReader.read(data);
        assertEquals(974, tasks.size());
        assertEquals(1, tasks.get(0).taskId());
        assertEquals(3, tasks.get(10).tests().size());
    }
}
