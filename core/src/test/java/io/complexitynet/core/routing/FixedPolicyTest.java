package io.complexitynet.core.routing;

import static io.complexitynet.core.routing.Tasks.predicted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FixedPolicyTest {

    @Test
    void thePredictionDoesNotMatter() {
        FixedPolicy largest = new FixedPolicy(2);
        assertEquals(2, largest.choose(predicted(1, 1, 1)));
        assertEquals(2, largest.choose(Prediction.ofComplexity(1)));
        assertEquals("always model 2", largest.explain(predicted(0, 0, 0)));
    }

    @Test
    void aNegativeIndexIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FixedPolicy(-1));
    }
}
