package io.complexitynet.labeler.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.complexitynet.core.probe.AnswerProbe;
import io.complexitynet.core.probe.ProbeOutcome;
import io.complexitynet.core.probe.ProbeOutcome.Kind;
import io.complexitynet.proto.v1.CandidateResult;
import io.complexitynet.proto.v1.Verdict;
import org.junit.jupiter.api.Test;

class LabelingWorkflowTest {

    /** Two example calls: statements 0 and 1 make them, 2 and 3 check their results against None. */
    private static final AnswerProbe PROBE = AnswerProbe.of("assert f(1) == 2\nassert f(2) == 4");

    private static ProbeOutcome outcome(Verdict verdict, int testIndex) {
        return LabelingWorkflow.probeOutcome(PROBE, CandidateResult.newBuilder().setCandidateId("7:probe")
                .setVerdict(verdict).setTestIndex(testIndex).build());
    }

    @Test
    void aProbeThatHeldReturnedEveryCall() {
        assertEquals(new ProbeOutcome(Kind.RETURNED, 2, 2), outcome(Verdict.VERDICT_PASSED, -1));
    }

    @Test
    void aProbeThatFailedReturnedNone() {
        assertEquals(new ProbeOutcome(Kind.RETURNED_NONE, 2, 2), outcome(Verdict.VERDICT_FAILED, 3));
    }

    @Test
    void anErrorInACallCountsTheCallsBeforeIt() {
        assertEquals(new ProbeOutcome(Kind.RAISED, 2, 1), outcome(Verdict.VERDICT_ERROR, 1));
    }

    @Test
    void anErrorOutsideTheStatementsIsAnAnswerThatDidNotLoad() {
        assertEquals(new ProbeOutcome(Kind.DID_NOT_LOAD, 2, 0), outcome(Verdict.VERDICT_ERROR, -1));
    }

    @Test
    void aTimeoutOrAResourceLimitIsALimit() {
        assertEquals(Kind.LIMIT, outcome(Verdict.VERDICT_TIMEOUT, -1).kind());
        assertEquals(Kind.LIMIT, outcome(Verdict.VERDICT_RESOURCE_LIMIT, 0).kind());
    }
}
