package io.complexitynet.verifier.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.complexitynet.core.probe.AnswerProbe;
import io.complexitynet.core.probe.ProbeOutcome;
import io.complexitynet.core.probe.SampleAgreement;
import io.complexitynet.verifier.domain.Candidate;
import io.complexitynet.verifier.domain.Limits;
import io.complexitynet.verifier.domain.Verdict;
import io.complexitynet.verifier.domain.Verifier;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A test-free probe (core's {@link AnswerProbe}) through the real sandbox: what each kind of answer shows when only the
 * call side of its task's examples runs, as the labeler and the router read the verdict; and two answers compared on
 * those calls ({@link SampleAgreement}), as the router compares a model's second answer with its first.
 */
@QuarkusTest
class AnswerProbeRunTest {

    private static final AnswerProbe PROBE = AnswerProbe.of("Write double.\nassert double(1) == 2\nassert double(5) == 10\n"
            + "assert double(-3) == -6");

    @Inject
    Verifier verifier;

    @Inject
    Limits defaults;

    private ProbeOutcome probe(String code) {
        Verdict verdict = verifier.verify(List.of(new Candidate("probe", code, "", PROBE.statements(), List.of(), defaults))).get(0)
                .verdict();
        if (verdict instanceof Verdict.Failed failed) {
            return ProbeOutcome.of(PROBE, "FAILED", failed.testIndex());
        }
        if (verdict instanceof Verdict.Errored errored) {
            return ProbeOutcome.of(PROBE, "ERROR", errored.testIndex());
        }
        return ProbeOutcome.of(PROBE, verdict instanceof Verdict.Passed ? "PASSED" : "TIMEOUT", -1);
    }

    @Test
    void anAnswerWhoseResultsFollowItsInputReturned() {
        assertEquals(new ProbeOutcome(ProbeOutcome.Kind.RETURNED, 3, 3), probe("def double(x):\n    return x * 3\n"));
    }

    @Test
    void anAnswerThatGivesEveryCallTheSameResultIsToldApart() {
        assertEquals(new ProbeOutcome(ProbeOutcome.Kind.RETURNED_SAME, 3, 3), probe("def double(x):\n    return [x][:0]\n"));
    }

    @Test
    void resultsThatAreNotPlainDataAreNeverTakenForTheSame() {
        // The judge sees the candidate's objects only as handles, each printed with its own number.
        assertEquals(ProbeOutcome.Kind.RETURNED, probe("def double(x):\n    return (v for v in [x, x])\n").kind());
    }

    private Verdict compare(String first, String second) {
        SampleAgreement agreement = SampleAgreement.of(PROBE);
        String code = agreement.candidate(first, second).orElseThrow();
        return verifier.verify(List.of(new Candidate("pair", code, "", agreement.statements(), List.of(), defaults))).get(0).verdict();
    }

    @Test
    void twoAnswersAgreeWhenTheyComputeTheSameHoweverTheyAreWritten() {
        assertInstanceOf(Verdict.Passed.class, compare("def double(x):\n    return 2 * x\n",
                "def double(value):\n    total = 0\n    for _ in range(2):\n        total += value\n    return total\n"));
        assertInstanceOf(Verdict.Failed.class, compare("def double(x):\n    return 2 * x\n", "def double(x):\n    return x * x\n"));
        assertInstanceOf(Verdict.Errored.class, compare("def double(x):\n    return 2 * x\n", "def double(x)\n    return 2 * x\n"),
                "a second answer that does not load agrees with nothing");
    }

    @Test
    void printingInsteadOfReturningAndRaisingAreWhatTheyWere() {
        assertEquals(new ProbeOutcome(ProbeOutcome.Kind.RETURNED_NONE, 3, 3), probe("def double(x):\n    print(2 * x)\n"));
        assertEquals(new ProbeOutcome(ProbeOutcome.Kind.RAISED, 3, 1), probe("def double(x):\n    return 2 * x if x == 1 else x[0]\n"));
        assertEquals(new ProbeOutcome(ProbeOutcome.Kind.DID_NOT_LOAD, 3, 0), probe("def double(x)\n    return 2 * x\n"));
    }
}
