package io.complexitynet.reproduce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.task.DatasetTask;
import io.complexitynet.reproduce.domain.SyntheticRecordings.Recording;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyntheticRecordingsTest {

    private static final List<String> LADDER = List.of("tiny-coder", "small-coder", "mid-coder", "large-coder");

    private static DatasetTask task(int number) {
        String prompt = "def add_" + number + "(a, b):\n    \"\"\"Adds.\"\"\"\n";
        return new DatasetTask("Made/" + number, prompt, "def check(candidate):\n    assert candidate(1, 2) == 3\n",
                List.of("check(add_" + number + ")"), prompt + "    return a + b\n");
    }

    private static final List<DatasetTask> TASKS = IntStream.range(0, 200).mapToObj(SyntheticRecordingsTest::task).toList();

    @Test
    void everyTaskModelAndSampleIsRecordedOnceInLadderOrder() {
        List<Recording> recordings = SyntheticRecordings.of(TASKS.subList(0, 2), LADDER, 3, 1);
        assertEquals(2 * 4 * 3, recordings.size());
        assertEquals(new Recording("Made/0", "tiny-coder", 0, recordings.get(0).completion(), recordings.get(0).recordedPass()),
                recordings.get(0));
        assertEquals("large-coder", recordings.get(11).model());
        assertEquals(2, recordings.get(11).sample());
        assertEquals("Made/1", recordings.get(12).taskId());
    }

    @Test
    void aPassingSampleIsTheReferenceAndAFailingOneReturnsNone() {
        for (Recording recording : SyntheticRecordings.of(TASKS, LADDER, 2, 7)) {
            DatasetTask task = TASKS.get(Integer.parseInt(recording.taskId().substring("Made/".length())));
            String expected = recording.recordedPass() ? task.referenceCode() : "def " + task.tests().get(0).replaceAll("check\\((.*)\\)", "$1")
                    + "(*args, **kwargs):\n    return None\n";
            assertEquals(expected, recording.completion(), recording::toString);
        }
    }

    @Test
    void theChanceOfPassingRisesAlongTheLadder() {
        List<Recording> recordings = SyntheticRecordings.of(TASKS, LADDER, 3, 1);
        long[] passes = LADDER.stream().mapToLong(model -> recordings.stream().filter(r -> r.model().equals(model) && r.recordedPass()).count())
                .toArray();
        for (int model = 1; model < LADDER.size(); model++) {
            assertTrue(passes[model] > passes[model - 1], () -> java.util.Arrays.toString(passes));
        }
        assertTrue(passes[0] > 0, "the cheapest model passes some tasks");
        assertTrue(passes[LADDER.size() - 1] < 3 * TASKS.size(), "the largest model fails some");
    }

    @Test
    void theSameSeedGivesTheSameRecordingsAndAnotherSeedOthers() {
        assertEquals(SyntheticRecordings.of(TASKS, LADDER, 3, 1), SyntheticRecordings.of(TASKS, LADDER, 3, 1));
        assertNotEquals(SyntheticRecordings.of(TASKS, LADDER, 3, 1), SyntheticRecordings.of(TASKS, LADDER, 3, 2));
    }

    @Test
    void aTasksRecordingsDoNotDependOnTheTasksAroundIt() {
        List<Recording> alone = SyntheticRecordings.of(List.of(TASKS.get(5)), LADDER, 3, 1);
        List<Recording> amongOthers = SyntheticRecordings.of(TASKS, LADDER, 3, 1).stream().filter(r -> r.taskId().equals("Made/5")).toList();
        assertEquals(alone, amongOthers);
    }

    @Test
    void aTaskWithoutAReferenceCannotBeRecorded() {
        DatasetTask bare = new DatasetTask("bare", "Write add.", "", List.of("assert add(1, 2) == 3"), "");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SyntheticRecordings.of(List.of(bare), LADDER, 1, 1));
        assertEquals("task bare has no reference solution to record as a passing answer", error.getMessage());
    }
}
