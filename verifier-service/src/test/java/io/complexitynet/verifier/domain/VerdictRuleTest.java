package io.complexitynet.verifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.complexitynet.verifier.domain.RunOutcome.Termination;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictRuleTest {

    private static final Limits LIMITS = new Limits(Duration.ofSeconds(5), 512L << 20, 16L << 20, 32, 64, 65536);
    private static final Candidate CANDIDATE = new Candidate("c", "def f(): pass", "",
            List.of("assert f() == 1", "assert f() == 2\n# second line"), LIMITS);
    private static final TestOutcome HELD = new TestOutcome.Held();
    private static final TestOutcome MISSING = new TestOutcome.Missing();

    private final VerdictRule rule = new VerdictRule();

    private static RunOutcome exited(int code) {
        return new RunOutcome(Termination.EXITED, code, "", Duration.ofMillis(10), "");
    }

    @Test
    void everyTestHeldIsAPass() {
        VerdictRule.Decision decision = rule.decide(CANDIDATE, RunnerReport.parse("S code\nS setup\nR 0 x\nR 1 y\nD"),
                exited(0), List.of(HELD, HELD));
        assertInstanceOf(Verdict.Passed.class, decision.verdict());
        assertEquals(2, decision.testsPassed());
    }

    @Test
    void theFirstFailingTestIsReportedWithItsFirstLine() {
        Verdict verdict = rule.decide(CANDIDATE, RunnerReport.parse("S code\nS setup"), exited(0),
                List.of(HELD, new TestOutcome.Failed("got 3"))).verdict();
        Verdict.Failed failed = assertInstanceOf(Verdict.Failed.class, verdict);
        assertEquals(1, failed.testIndex());
        assertEquals("assert f() == 2", failed.test());
        assertEquals("got 3", failed.message());
    }

    @Test
    void aFailureBeforeATimeoutWinsAsPythonWouldStopThere() {
        Verdict verdict = rule.decide(CANDIDATE, RunnerReport.parse("S code\nS setup\nR 0 x"),
                new RunOutcome(Termination.TIMED_OUT, -1, "", Duration.ofSeconds(5), ""),
                List.of(new TestOutcome.Failed("got 0"), MISSING)).verdict();
        assertInstanceOf(Verdict.Failed.class, verdict);
    }

    @Test
    void exitZeroWithMissingResultsIsAnEarlyExitNotAPass() {
        Verdict verdict = rule.decide(CANDIDATE, RunnerReport.parse(""), exited(0), List.of(MISSING, MISSING)).verdict();
        Verdict.Errored errored = assertInstanceOf(Verdict.Errored.class, verdict);
        assertEquals("EarlyExit", errored.type());
        assertEquals(-1, errored.testIndex());
    }

    @Test
    void anExceptionInTheCandidateCodeIsAnErrorWithItsType() {
        Verdict verdict = rule.decide(CANDIDATE, RunnerReport.parse("E code NameError - 'name \\'x\\' is not defined'"),
                exited(0), List.of(MISSING, MISSING)).verdict();
        Verdict.Errored errored = assertInstanceOf(Verdict.Errored.class, verdict);
        assertEquals("NameError", errored.type());
        assertEquals("name 'x' is not defined", errored.message());
    }

    @Test
    void memoryErrorIsAMemoryLimit() {
        Verdict verdict = rule.decide(CANDIDATE, RunnerReport.parse("S code\nS setup\nE 0 MemoryError - ''"),
                exited(0), List.of(MISSING, MISSING)).verdict();
        assertEquals(ResourceKind.MEMORY, assertInstanceOf(Verdict.ResourceLimited.class, verdict).kind());
    }

    @Test
    void forkFailingWithEagainIsAProcessLimit() {
        Verdict verdict = rule.decide(CANDIDATE, RunnerReport.parse("E code BlockingIOError 11 'Resource temporarily unavailable'"),
                exited(0), List.of(MISSING, MISSING)).verdict();
        assertEquals(ResourceKind.PROCESSES, assertInstanceOf(Verdict.ResourceLimited.class, verdict).kind());
    }

    @Test
    void sigxcpuIsACpuLimit() {
        Verdict verdict = rule.decide(CANDIDATE, RunnerReport.parse("S code\nS setup"), exited(128 + 24), List.of(MISSING, MISSING)).verdict();
        assertEquals(ResourceKind.CPU, assertInstanceOf(Verdict.ResourceLimited.class, verdict).kind());
    }

    @Test
    void outputOverflowIsAnOutputLimit() {
        Verdict verdict = rule.decide(CANDIDATE, RunnerReport.parse("S code"),
                new RunOutcome(Termination.OUTPUT_EXCEEDED, 137, "", Duration.ofMillis(5), ""), List.of(MISSING, MISSING)).verdict();
        assertEquals(ResourceKind.OUTPUT, assertInstanceOf(Verdict.ResourceLimited.class, verdict).kind());
    }

    @Test
    void onlyTheFirstValueReportedForAProbeCounts() {
        RunnerReport report = RunnerReport.parse("R 0 first\nR 0 second\ngarbage line\nR x y");
        assertEquals("first", report.values().get(0));
        assertEquals(1, report.values().size());
    }
}
