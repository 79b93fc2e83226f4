package io.complexitynet.model.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.model.domain.SyntheticTasks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataFingerprintTest {

    private final List<LabelledTask> rows = List.of(SyntheticTasks.task(11), SyntheticTasks.task(12), SyntheticTasks.task(14));

    @Test
    void isTheSameWhateverTheRowOrder() {
        List<LabelledTask> shuffled = new ArrayList<>(rows);
        Collections.reverse(shuffled);
        assertEquals(DataFingerprint.of(rows), DataFingerprint.of(shuffled));
        assertEquals(64, DataFingerprint.of(rows).length());
    }

    @Test
    void changesWithAPassCount() {
        List<LabelledTask> changed = List.of(rows.get(0), rows.get(1), SyntheticTasks.withPasses(rows.get(2), 0, 0, 1));
        assertNotEquals(DataFingerprint.of(rows), DataFingerprint.of(changed));
    }
}
