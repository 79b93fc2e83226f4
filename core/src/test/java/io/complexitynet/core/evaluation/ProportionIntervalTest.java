package io.complexitynet.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProportionIntervalTest {

    @Test
    void matchesTheWilsonIntervalOfAKnownSample() {
        // 18 of 30: the classifier head on the paper's 30 tasks.
        ProportionInterval interval = ProportionInterval.wilson95(18, 30);
        assertEquals(0.4232, interval.low(), 1e-4);
        assertEquals(0.7541, interval.high(), 1e-4);
    }

    @Test
    void staysInsideZeroAndOneAtTheEdges() {
        ProportionInterval none = ProportionInterval.wilson95(0, 10);
        assertEquals(0, none.low());
        assertEquals(0.2775, none.high(), 1e-4);
        ProportionInterval all = ProportionInterval.wilson95(10, 10);
        assertEquals(0.7225, all.low(), 1e-4);
        assertTrue(all.high() <= 1);
    }

    @Test
    void refusesCountsThatAreNotAProportion() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProportionInterval.wilson95(3, 2));
        assertEquals("need 0 <= successes <= trials and trials > 0, got 3 of 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProportionInterval.wilson95(0, 0));
    }
}
