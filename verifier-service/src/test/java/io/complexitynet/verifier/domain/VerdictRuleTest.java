package io.complexitynet.verifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.verifier.domain.RunOutcome.Termination;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictRuleTest {

    private static final Limits LIMITS = new Limits(Duration.ofSeconds(5), 512L << 20, 16L << 20, 32, 64, 65536);
    private static final Candidate CANDIDATE = new Candidate("c", "def f(): pass", "",
            List.of("assert f() == 1", "assert f() == 2\n# second line"), LIMITS);
    private final VerdictRule rule = new VerdictRule();

    private static RunOutcome exited(int code) {
        return new RunOutcome(Termination.EXITED, code, "", Duration.ofMillis(10), "");
    }

    @Test
    void everyTestHeldIsAPass() {
        VerdictRule.Decision decision = rule.decide(CANDIDATE, JudgeReport.parse("S code\nS setup\nH 0\nH 1\nD"), exited(0));
        assertInstanceOf(Verdict.Passed.class, decision.verdict());
        assertEquals(2, decision.testsPassed());
    }

    @Test
    void theFirstFailingTestIsReportedWithItsFirstLine() {
        Verdict verdict = rule.decide(CANDIDATE, JudgeReport.parse("S code\nS setup\nH 0\nF 1 'got 3'\nD"), exited(0)).verdict();
        Verdict.Failed failed = assertInstanceOf(Verdict.Failed.class, verdict);
        assertEquals(1, failed.testIndex());
        assertEquals("assert f() == 2", failed.test());
        assertEquals("got 3", failed.message());
    }

    @Test
    void aFailureBeforeATimeoutWinsAsPythonWouldStopThere() {
        Verdict verdict = rule.decide(CANDIDATE, JudgeReport.parse("S code\nS setup\nF 0 'got 0'"), new RunOutcome(Termination.TIMED_OUT, -1, "", Duration.ofSeconds(5), "")).verdict();
        assertInstanceOf(Verdict.Failed.class, verdict);
    }

    @Test
    void exitZeroWithMissingResultsIsAnEarlyExitNotAPass() {
        Verdict verdict = rule.decide(CANDIDATE, JudgeReport.parse("G code"), exited(0)).verdict();
        Verdict.Errored errored = assertInstanceOf(Verdict.Errored.class, verdict);
        assertEquals("EarlyExit", errored.type());
        assertEquals(-1, errored.testIndex());
    }

    @Test
    void anExceptionInTheCandidateCodeIsAnErrorWithItsType() {
        Verdict verdict = rule.decide(CANDIDATE, JudgeReport.parse("E code NameError - 'name \\'x\\' is not defined'"), exited(0)).verdict();
        Verdict.Errored errored = assertInstanceOf(Verdict.Errored.class, verdict);
        assertEquals("NameError", errored.type());
        assertEquals("name 'x' is not defined", errored.message());
    }

    @Test
    void memoryErrorIsAMemoryLimit() {
        Verdict verdict = rule.decide(CANDIDATE, JudgeReport.parse("S code\nS setup\nE 0 MemoryError - ''"), exited(0)).verdict();
        assertEquals(ResourceKind.MEMORY, assertInstanceOf(Verdict.ResourceLimited.class, verdict).kind());
    }

    @Test
    void forkFailingWithEagainIsAProcessLimit() {
        Verdict verdict = rule.decide(CANDIDATE, JudgeReport.parse("E code BlockingIOError 11 'Resource temporarily unavailable'"), exited(0)).verdict();
        assertEquals(ResourceKind.PROCESSES, assertInstanceOf(Verdict.ResourceLimited.class, verdict).kind());
    }

    @Test
    void sigxcpuIsACpuLimit() {
        Verdict verdict = rule.decide(CANDIDATE, JudgeReport.parse("S code\nS setup\nG 0"), exited(128 + 24)).verdict();
        assertEquals(ResourceKind.CPU, assertInstanceOf(Verdict.ResourceLimited.class, verdict).kind());
    }

    @Test
    void outputOverflowIsAnOutputLimit() {
        Verdict verdict = rule.decide(CANDIDATE, JudgeReport.parse("S code"), new RunOutcome(Termination.OUTPUT_EXCEEDED, 137, "", Duration.ofMillis(5), "")).verdict();
        assertEquals(ResourceKind.OUTPUT, assertInstanceOf(Verdict.ResourceLimited.class, verdict).kind());
    }

    @Test
    void aJudgeThatEndsWhileTheCandidateStillRunsIsAnEarlyExitOfJudging() {
        Verdict verdict = rule.decide(CANDIDATE, JudgeReport.parse("S code\nS setup\nJ 137"), exited(-1)).verdict();
        Verdict.Errored errored = assertInstanceOf(Verdict.Errored.class, verdict);
        assertEquals("EarlyExit", errored.type());
        assertTrue(errored.message().contains("judging process ended with code 137"), errored.message());
    }

    @Test
    void theFirstLineAboutATestCountsAndGarbageIsIgnored() {
        JudgeReport report = JudgeReport.parse("S code\nS setup\nH 0\nF 0 'late'\ngarbage line\nH x\nF 1 'got 2'");
        assertEquals(List.of(new TestOutcome.Held(), new TestOutcome.Failed("got 2")), report.outcomes(2));
    }

    @Test
    void anInvalidTestIsReportedWithItsField() {
        JudgeReport report = JudgeReport.parse("I tests[1] 'is not valid Python: invalid syntax (line 1)'\nD");
        assertEquals(new JudgeReport.InvalidInput("tests[1]", "is not valid Python: invalid syntax (line 1)"), report.invalid().orElseThrow());
    }
}
