package io.complexitynet.model.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.complexitynet.core.labelling.ModelPasses;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelledTaskTest {

    @Test
    void passRatesFollowTheLadder() {
        LabelledTask task = new LabelledTask("7", "prompt", 3, List.of(new ModelPasses("a", 1, 5), new ModelPasses("b", 5, 5)));
        assertArrayEquals(new double[] {0.2, 1.0}, task.passRates(), 1e-12);
    }

    @Test
    void aTaskWithoutComplexityIsUnsolved() {
        assertFalse(new LabelledTask("7", "prompt", null, List.of(new ModelPasses("a", 0, 1))).solved());
    }

    @Test
    void aTaskNeedsAPromptAndPassCounts() {
        assertThrows(IllegalArgumentException.class, () -> new LabelledTask("7", " ", 1, List.of(new ModelPasses("a", 1, 1))));
        assertThrows(IllegalArgumentException.class, () -> new LabelledTask("7", "prompt", 1, List.of()));
    }
}
