package io.complexitynet.core.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerProbeTest {

    private final AnswerProbe probe = AnswerProbe.of("Write add.\nassert add(1, 2) == 3\nassert add(2, 2) == 4\n");

    @Test
    void everyCallRunsThenEveryResultIsCheckedAgainstNoneThenTheResultsAreCompared() {
        assertEquals(List.of("add(1, 2)", "add(2, 2)", "assert (add(1, 2)) is not None", "assert (add(2, 2)) is not None",
                "assert len({repr(add(1, 2)), repr(add(2, 2))}) > 1"), probe.statements());
        assertEquals(List.of("pass"), AnswerProbe.of("Write a function that adds.").statements());
    }

    @Test
    void oneCallOrTheSameCallTwiceHasNothingToCompare() {
        assertEquals(List.of("add(1, 2)", "assert (add(1, 2)) is not None"), AnswerProbe.of("assert add(1, 2) == 3").statements());
        assertEquals(List.of("add(1, 2)", "add(1, 2)", "assert (add(1, 2)) is not None", "assert (add(1, 2)) is not None"),
                new AnswerProbe(List.of("add(1, 2)", "add(1, 2)")).statements());
    }

    @Test
    void theComparisonStaysWithinItsSizeWhateverTheCallsLength() {
        List<String> longCalls = new ArrayList<>();
        for (int i = 0; i < ExampleCalls.MAX_CALL_CHARS / 100; i++) {
            longCalls.add("f(\"" + String.valueOf((char) ('a' + i)).repeat(ExampleCalls.MAX_CALL_CHARS - 5) + "\")");
        }
        List<String> statements = new AnswerProbe(longCalls).statements();
        String comparison = statements.get(statements.size() - 1);
        assertTrue(comparison.startsWith("assert len({repr(f(\"a"), comparison.substring(0, 40));
        assertTrue(comparison.getBytes(StandardCharsets.UTF_8).length <= AnswerProbe.MAX_COMPARISON_BYTES);
        assertEquals(4, comparison.split("repr\\(").length - 1);
    }

    @Test
    void theVerdictSaysHowFarTheAnswerGot() {
        assertEquals(new ProbeOutcome(ProbeOutcome.Kind.RETURNED, 2, 2), ProbeOutcome.of(probe, "PASSED", -1));
        assertTrue(ProbeOutcome.of(probe, "PASSED", -1).returned());
        assertEquals(new ProbeOutcome(ProbeOutcome.Kind.RETURNED_NONE, 2, 2), ProbeOutcome.of(probe, "FAILED", 2));
        assertEquals(new ProbeOutcome(ProbeOutcome.Kind.RETURNED_SAME, 2, 2), ProbeOutcome.of(probe, "FAILED", 4));
        assertFalse(ProbeOutcome.of(probe, "FAILED", 4).returned());
        assertEquals(new ProbeOutcome(ProbeOutcome.Kind.RAISED, 2, 1), ProbeOutcome.of(probe, "ERROR", 1));
        assertEquals(new ProbeOutcome(ProbeOutcome.Kind.DID_NOT_LOAD, 2, 0), ProbeOutcome.of(probe, "ERROR", -1));
        assertEquals(new ProbeOutcome(ProbeOutcome.Kind.LIMIT, 2, 0), ProbeOutcome.of(probe, "TIMEOUT", 0));
        assertFalse(ProbeOutcome.of(probe, "RESOURCE_LIMIT", -1).returned());
        assertThrows(IllegalArgumentException.class, () -> ProbeOutcome.of(probe, "MAYBE", 0));
    }
}
