package io.complexitynet.verifier.domain;

import io.complexitynet.verifier.domain.RunnerReport.RaisedException;
import java.util.List;
import java.util.Optional;

/**
 * Turns what the judge concluded and how the sandbox ended into one verdict, the way Python
 * itself would have run the tests: in order, stopping at the first that does not hold.
 * A pass needs every test judged as held; an exit code or a line of output never makes one.
 */
public final class VerdictRule {

    private static final int SIGNAL_BASE = 128;
    private static final int SIGXCPU = 24;
    private static final int EAGAIN = 11;
    private static final int EMFILE = 24;
    private static final int EFBIG = 27;

    public record Decision(Verdict verdict, int testsPassed) {
    }

    public Decision decide(Candidate candidate, RunnerReport report, RunOutcome run, List<TestOutcome> outcomes) {
        Optional<RaisedException> raised = report.raised();
        if (raised.isPresent() && !raised.get().inProbe()) {
            return new Decision(fromException(-1, raised.get()), 0);
        }
        int passed = 0;
        for (int index = 0; index < outcomes.size(); index++) {
            TestOutcome outcome = outcomes.get(index);
            if (outcome instanceof TestOutcome.Held) {
                passed++;
            } else if (outcome instanceof TestOutcome.Failed failed) {
                return new Decision(new Verdict.Failed(index, firstLine(candidate.tests().get(index)), failed.message()), passed);
            } else if (outcome instanceof TestOutcome.Raised r) {
                return new Decision(new Verdict.Errored(index, r.type(), r.message()), passed);
            } else {
                int missing = index;
                Verdict verdict = raised.map(e -> fromException(missing, e))
                        .orElseGet(() -> fromTermination(missing, report, run));
                return new Decision(verdict, passed);
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

    private static Verdict fromTermination(int testIndex, RunnerReport report, RunOutcome run) {
        return switch (run.termination()) {
            case TIMED_OUT -> new Verdict.TimedOut("wall-clock limit of " + run.wallTime().toMillis()
                    + " ms reached before test " + testIndex + " finished");
            case OUTPUT_EXCEEDED -> new Verdict.ResourceLimited(ResourceKind.OUTPUT, "output limit exceeded");
            case SANDBOX_FAILURE -> new Verdict.Errored(-1, "SandboxFailure", run.detail());
            case EXITED -> fromExit(testIndex, report, run.exitCode());
        };
    }

    private static Verdict fromExit(int testIndex, RunnerReport report, int exitCode) {
        if (exitCode == SIGNAL_BASE + SIGXCPU) {
            return new Verdict.ResourceLimited(ResourceKind.CPU, "CPU time limit reached (exit code " + exitCode + ")");
        }
        String stage = !report.codeLoaded() ? "while loading the candidate code"
                : !report.setupLoaded() ? "while running the setup code"
                : "before test " + testIndex + " finished";
        return new Verdict.Errored(report.codeLoaded() && report.setupLoaded() ? testIndex : -1,
                "EarlyExit", "the process exited with code " + exitCode + " " + stage);
    }

    static String firstLine(String test) {
        String trimmed = test.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end).stripTrailing();
    }
}
