package io.complexitynet.router.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.probe.AnswerProbe;
import io.complexitynet.core.probe.ProbeOutcome;
import io.complexitynet.core.probe.SampleAgreement;
import io.complexitynet.core.routing.Prediction;
import io.complexitynet.model.learning.AnswerScorer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnswerJudgeTest {

    /** Bias -5, +10 when every call returned a value; nothing else weighed: takes only answers whose probe returned. */
    private static final AnswerScorer RETURNED_ONLY = new AnswerScorer(3,
            new double[] {-5, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0.5);
    private static final AnswerProbe PROBE = AnswerProbe.of("Write f.\nassert f(1) == 2\nassert f(2) == 4");
    private static final Cascade.Generated ANSWER = new Cascade.Generated("def f(x):\n    return 2 * x", "", 10, 10, 1);

    private final List<List<String>> ran = new ArrayList<>();

    private AnswerJudge judge(String verdict, int statementIndex) {
        return new AnswerJudge(RETURNED_ONLY, Prediction.of(1, 0.2, 0.5, 0.9), PROBE, (code, statements) -> {
            ran.add(statements);
            return new AnswerJudge.Ran(verdict, statementIndex, 12);
        });
    }

    @Test
    void theProbesStatementsRunInPlaceOfTestsAndAnAnswerWhoseCallsReturnedIsTaken() {
        Cascade.Judged judged = judge("PASSED", -1).judge(0, ANSWER);
        assertEquals(List.of(PROBE.statements()), ran);
        assertEquals(List.of("f(1)", "f(2)", "assert (f(1)) is not None", "assert (f(2)) is not None",
                "assert len({repr(f(1)), repr(f(2))}) > 1"), ran.get(0));
        assertEquals(new ProbeOutcome(ProbeOutcome.Kind.RETURNED, 2, 2), judged.probe());
        assertTrue(judged.accepted());
        assertTrue(judged.score() > 0.99, () -> "score " + judged.score());
        assertEquals(12, judged.millis());
    }

    @Test
    void anAnswerThatRaisedOrReturnedNoneIsRejected() {
        Cascade.Judged raised = judge("ERROR", 1).judge(1, ANSWER);
        assertEquals(new ProbeOutcome(ProbeOutcome.Kind.RAISED, 2, 1), raised.probe());
        assertFalse(raised.accepted());
        assertFalse(judge("FAILED", 2).judge(1, ANSWER).accepted());
        assertEquals(ProbeOutcome.Kind.DID_NOT_LOAD, judge("ERROR", -1).judge(1, ANSWER).probe().kind());
    }

    /** A sandbox that answers each run with the next of {@code verdicts}, recording the code and statements it ran. */
    private AnswerJudge judgeRunning(List<String> codes, String... verdicts) {
        Iterator<String> next = List.of(verdicts).iterator();
        return new AnswerJudge(RETURNED_ONLY, Prediction.of(1, 0.2, 0.5, 0.9), PROBE, (code, statements) -> {
            codes.add(code);
            ran.add(statements);
            return new AnswerJudge.Ran(next.next(), -1, 12);
        });
    }

    @Test
    void aSecondAnswerIsProbedThenRunBesideTheFirstAndTakenOnlyWhenTheyAgree() {
        Cascade.Generated second = new Cascade.Generated("def f(x):\n    return x + x", "", 10, 10, 1);
        List<String> codes = new ArrayList<>();
        Cascade.Judged agreed = judgeRunning(codes, "PASSED", "PASSED").judgeSecond(0, ANSWER, second);
        assertTrue(agreed.accepted());
        assertEquals(Optional.of(true), agreed.agreed());
        assertEquals(24, agreed.millis(), "both runs count");
        assertEquals(second.code(), codes.get(0), "the second answer's own probe first");
        String pair = SampleAgreement.of(PROBE).candidate(ANSWER.code(), second.code()).orElseThrow();
        assertEquals(List.of(pair), codes.subList(1, 2));
        assertEquals(SampleAgreement.of(PROBE).statements(), ran.get(1));

        Cascade.Judged disagreed = judgeRunning(new ArrayList<>(), "PASSED", "FAILED").judgeSecond(0, ANSWER, second);
        assertFalse(disagreed.accepted());
        assertEquals(Optional.of(false), disagreed.agreed());
        assertEquals(ProbeOutcome.Kind.RETURNED, disagreed.probe().kind(), "its own probe was fine");

        List<String> rejectedRuns = new ArrayList<>();
        Cascade.Judged rejected = judgeRunning(rejectedRuns, "ERROR").judgeSecond(0, ANSWER, second);
        assertFalse(rejected.accepted());
        assertEquals(Optional.empty(), rejected.agreed(), "a second answer the scorer rejects is not compared");
        assertEquals(1, rejectedRuns.size());
    }

    @Test
    void withoutAnExampleCallTheScorerAloneDecidesTheSecondAnswer() {
        AnswerJudge noCalls = new AnswerJudge(RETURNED_ONLY, Prediction.of(1, 0.2, 0.5, 0.9), AnswerProbe.of("Write f."),
                (code, statements) -> new AnswerJudge.Ran("PASSED", -1, 5));
        Cascade.Judged judged = noCalls.judgeSecond(0, ANSWER, ANSWER);
        assertTrue(judged.accepted());
        assertEquals(Optional.empty(), judged.agreed());
    }

    @Test
    void aPredictionForAnotherLadderIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AnswerJudge(RETURNED_ONLY, Prediction.of(1, 0.5, 0.5), PROBE,
                (code, statements) -> new AnswerJudge.Ran("PASSED", -1, 0)));
    }
}
