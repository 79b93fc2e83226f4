package io.complexitynet.core.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerProbeTest {

    private final AnswerProbe probe = AnswerProbe.of("Write add.\nassert add(1, 2) == 3\nassert add(2, 2) == 4\n");

    @Test
    void everyCallRunsThenEveryResultIsCheckedAgainstNone() {
        assertEquals(List.of("add(1, 2)", "add(2, 2)", "assert (add(1, 2)) is not None", "assert (add(2, 2)) is not None"),
                probe.statements());
        assertEquals(List.of("pass"), AnswerProbe.of("Write a function that adds.").statements());
    }

    @Test
    void theVerdictSaysHowFarTheAnswerGot() {
        assertEquals(new ProbeOutcome(ProbeOutcome.Kind.RETURNED, 2, 2), ProbeOutcome.of(probe, "PASSED", -1));
        assertTrue(ProbeOutcome.of(probe, "PASSED", -1).returned());
        assertEquals(new ProbeOutcome(ProbeOutcome.Kind.RETURNED_NONE, 2, 2), ProbeOutcome.of(probe, "FAILED", 2));
        assertEquals(new ProbeOutcome(ProbeOutcome.Kind.RAISED, 2, 1), ProbeOutcome.of(probe, "ERROR", 1));
        assertEquals(new ProbeOutcome(ProbeOutcome.Kind.DID_NOT_LOAD, 2, 0), ProbeOutcome.of(probe, "ERROR", -1));
        assertEquals(new ProbeOutcome(ProbeOutcome.Kind.LIMIT, 2, 0), ProbeOutcome.of(probe, "TIMEOUT", 0));
        assertFalse(ProbeOutcome.of(probe, "RESOURCE_LIMIT", -1).returned());
        assertThrows(IllegalArgumentException.class, () -> ProbeOutcome.of(probe, "MAYBE", 0));
    }
}
