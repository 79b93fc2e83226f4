package io.complexitynet.verifier.domain;

/** What the judge concluded about one test statement from the probe values it was given. */
public sealed interface TestOutcome {

    record Held() implements TestOutcome {
    }

    /** The assertion evaluated to false, or a probe returned something that cannot be judged. */
    record Failed(String message) implements TestOutcome {
    }

    /** Evaluating the rest of the assertion raised (e.g. a TypeError comparing the value). */
    record Raised(String type, String message) implements TestOutcome {
    }

    /** A probe this test needs never reported: the run ended before the test ran. */
    record Missing() implements TestOutcome {
    }
}
