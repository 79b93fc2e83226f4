package io.complexitynet.verifier.domain;

import java.time.Duration;

/**
 * How a sandboxed run ended, as seen from outside: the termination, the exit code, and the
 * runner's report (probe values on their own channel). Nothing here is evidence of a pass by itself.
 */
public record RunOutcome(Termination termination, int exitCode, String report, Duration wallTime, String detail) {

    public enum Termination {
        /** The process ended by itself (an exit code of 128+n means signal n). */
        EXITED,
        /** The wall-clock limit was reached; the sandbox was killed from outside. */
        TIMED_OUT,
        /** The candidate wrote more than its output limit; the sandbox was killed. */
        OUTPUT_EXCEEDED,
        /** The sandbox itself could not run the candidate (not the candidate's fault). */
        SANDBOX_FAILURE
    }

    public static RunOutcome sandboxFailure(String detail, Duration wallTime) {
        return new RunOutcome(Termination.SANDBOX_FAILURE, -1, "", wallTime, detail);
    }
}
