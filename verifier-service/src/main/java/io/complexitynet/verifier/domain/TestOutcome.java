package io.complexitynet.verifier.domain;

/** How one test statement ended, as the judge saw it. */
public sealed interface TestOutcome {

    record Held() implements TestOutcome {
    }

    /** The assertion was false, or the test tried to compare something that is not plain data. */
    record Failed(String message) implements TestOutcome {
    }

    /** The test raised (in the judge, or the candidate's code it called raised there). */
    record Raised(String type, String message) implements TestOutcome {
    }

    /** The run ended before the test finished. */
    record Missing() implements TestOutcome {
    }
}
