package io.complexitynet.core.probe;

/**
 * What a test-free run of an answer showed ({@link AnswerProbe}): how far it got and, when it stopped, why.
 *
 * @param calls         the example calls the probe made (0: it only loaded the answer)
 * @param callsReturned how many of them returned before one raised
 */
public record ProbeOutcome(Kind kind, int calls, int callsReturned) {

    /** Where the run stopped. */
    public enum Kind {
        /**
         * Every example call returned a value other than None, and calls that differ did not all return the same (or,
         * with no call, the answer loaded).
         */
        RETURNED,
        /** Every call returned, but one returned None. */
        RETURNED_NONE,
        /** A call raised. */
        RAISED,
        /** The answer did not parse, or raised while loading, before any call. */
        DID_NOT_LOAD,
        /** The run hit the wall-clock or a resource limit. */
        LIMIT,
        /** Every call returned a value other than None, but different calls all returned the same one. */
        RETURNED_SAME
    }

    public ProbeOutcome {
        if (calls < 0 || callsReturned < 0 || callsReturned > calls) {
            throw new IllegalArgumentException(callsReturned + " of " + calls + " calls returned");
        }
    }

    /**
     * The outcome of running {@code probe}'s statements, from the verifier's verdict for them (its name: PASSED, FAILED,
     * ERROR, TIMEOUT or RESOURCE_LIMIT) and the index of the statement it stopped at (-1 when none did).
     */
    public static ProbeOutcome of(AnswerProbe probe, String verdict, int statementIndex) {
        int calls = probe.calls().size();
        return switch (verdict) {
            case "PASSED" -> new ProbeOutcome(Kind.RETURNED, calls, calls);
            // Only the None checks and then the comparison of the results assert anything, and they come after every call.
            case "FAILED" -> new ProbeOutcome(statementIndex >= 2 * calls ? Kind.RETURNED_SAME : Kind.RETURNED_NONE, calls, calls);
            case "ERROR" -> statementIndex < 0 ? new ProbeOutcome(Kind.DID_NOT_LOAD, calls, 0)
                    : new ProbeOutcome(Kind.RAISED, calls, Math.min(statementIndex, calls));
            case "TIMEOUT", "RESOURCE_LIMIT" -> new ProbeOutcome(Kind.LIMIT, calls, Math.min(Math.max(statementIndex, 0), calls));
            default -> throw new IllegalArgumentException("not a verdict: " + verdict);
        };
    }

    /**
     * What an empty reply shows: nothing to load and no call made. Nothing runs it (it fails as no answer), and no router
     * takes it; recorded samples that are empty have no probe of their own, and stand for this.
     */
    public static ProbeOutcome ofEmptyAnswer() {
        return new ProbeOutcome(Kind.DID_NOT_LOAD, 0, 0);
    }

    /** Whether the answer got through every check of its probe. */
    public boolean returned() {
        return kind == Kind.RETURNED;
    }
}
