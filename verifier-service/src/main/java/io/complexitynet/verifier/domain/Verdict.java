package io.complexitynet.verifier.domain;

/**
 * How a candidate fared. Only {@link Passed} says the tests held, and it is only ever reached
 * from the judge's evaluation outside the candidate's process.
 */
public sealed interface Verdict {

    /** Every test statement ran and held. */
    record Passed() implements Verdict {
    }

    /** Test {@code testIndex} ran and did not hold; {@code test} is its first line. */
    record Failed(int testIndex, String test, String message) implements Verdict {
    }

    /** The candidate, its setup or test {@code testIndex} (-1 if none) raised, or the process ended early. */
    record Errored(int testIndex, String type, String message) implements Verdict {
    }

    /** The wall-clock limit was reached and the whole sandbox was killed. */
    record TimedOut(String message) implements Verdict {
    }

    /** A resource limit was reached. */
    record ResourceLimited(ResourceKind kind, String message) implements Verdict {
    }
}
