package io.complexitynet.verifier.domain;

import io.complexitynet.verifier.domain.JudgeReport.RaisedException;
import java.util.List;
import java.util.Optional;

/**
 * Turns the judge's report and how the sandbox ended into one verdict, the way Python itself would
 * have run the tests: in order, stopping at the first that does not hold. A pass needs every test
 * reported as held by the judge; an exit code or a line of output never makes one.
 */
public final class VerdictRule {

    private static final int SIGNAL_BASE = 128;
    private static final int SIGXCPU = 24;
    private static final int EAGAIN = 11;
    private static final int EMFILE = 24;
    private static final int EFBIG = 27;
    /** What the judge reports when an answer of the candidate's process is over the report cap. */
    private static final String OUTPUT_LIMIT = "OutputLimit";
    /** The candidate's exit code when it was still running as judging ended. */
    private static final int STILL_RUNNING = -1;

    public record Decision(Verdict verdict, int testsPassed) {
    }

    public Decision decide(Candidate candidate, JudgeReport report, RunOutcome run) {
        Optional<RaisedException> outside = report.raisedOutsideTests();
        if (outside.isPresent()) {
            return new Decision(fromException(-1, outside.get()), 0);
        }
        List<TestOutcome> outcomes = report.outcomes(candidate.tests().size());
        int passed = 0;
        for (int index = 0; index < outcomes.size(); index++) {
            TestOutcome outcome = outcomes.get(index);
            if (outcome instanceof TestOutcome.Held) {
                passed++;
            } else if (outcome instanceof TestOutcome.Failed failed) {
                return new Decision(new Verdict.Failed(index, firstLine(candidate.tests().get(index)), failed.message()), passed);
            } else if (outcome instanceof TestOutcome.Raised) {
                return new Decision(fromException(index, report.raisedIn(index).orElseThrow()), passed);
            } else {
                return new Decision(fromTermination(index, report, run), passed);
            }
        }
        return new Decision(new Verdict.Passed(), passed);
    }

    private static Verdict fromException(int testIndex, RaisedException raised) {
        String where = switch (raised.where()) {
            case "code" -> "the candidate code";
            case "setup" -> "the setup code";
            default -> "test " + testIndex;
        };
        String message = raised.type() + " in " + where + ": " + raised.message();
        if (raised.type().equals(OUTPUT_LIMIT)) {
            return new Verdict.ResourceLimited(ResourceKind.OUTPUT, message);
        }
        if (raised.type().equals("MemoryError")) {
            return new Verdict.ResourceLimited(ResourceKind.MEMORY, message);
        }
        if (raised.errno() == EAGAIN && raised.type().equals("BlockingIOError")) {
            return new Verdict.ResourceLimited(ResourceKind.PROCESSES, message);
        }
        if (raised.errno() == EMFILE) {
            return new Verdict.ResourceLimited(ResourceKind.OPEN_FILES, message);
        }
        if (raised.errno() == EFBIG) {
            return new Verdict.ResourceLimited(ResourceKind.FILE_SIZE, message);
        }
        return new Verdict.Errored(testIndex, raised.type(), raised.message());
    }

    private static Verdict fromTermination(int testIndex, JudgeReport report, RunOutcome run) {
        return switch (run.termination()) {
            case TIMED_OUT -> new Verdict.TimedOut("wall-clock limit of " + run.wallTime().toMillis()
                    + " ms reached before test " + testIndex + " finished");
            case OUTPUT_EXCEEDED -> new Verdict.ResourceLimited(ResourceKind.OUTPUT, "output limit exceeded");
            case SANDBOX_FAILURE -> new Verdict.Errored(-1, "SandboxFailure", run.detail());
            case EXITED -> fromExit(testIndex, report, run.exitCode());
        };
    }

    private static Verdict fromExit(int testIndex, JudgeReport report, int exitCode) {
        if (report.judgeFailure().isPresent()) {
            return new Verdict.Errored(-1, "SandboxFailure", "the judge failed: " + report.judgeFailure().get());
        }
        if (exitCode == SIGNAL_BASE + SIGXCPU) {
            return new Verdict.ResourceLimited(ResourceKind.CPU, "CPU time limit reached (exit code " + exitCode + ")");
        }
        String stage = !report.codeLoaded() ? "while loading the candidate code"
                : !report.setupLoaded() ? "while running the setup code"
                : "before test " + testIndex + " finished";
        int index = report.codeLoaded() && report.setupLoaded() ? testIndex : -1;
        if (exitCode == STILL_RUNNING || !report.candidateGone()) {
            // The candidate's process outlived judging, so the judge is what ended early (a test's own doing).
            String how = report.judgeExitCode().map(code -> " with code " + code).orElse("");
            return new Verdict.Errored(index, "EarlyExit", "the judging process ended" + how + " " + stage);
        }
        return new Verdict.Errored(index, "EarlyExit", "the process exited with code " + exitCode + " " + stage);
    }

    static String firstLine(String test) {
        String trimmed = test.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end).stripTrailing();
    }
}
