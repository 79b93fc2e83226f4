package io.complexitynet.verifier.domain;

import java.time.Duration;

/** The verdict on one candidate, how many tests held before it, and the wall time of its run. */
public record CandidateResult(String candidateId, Verdict verdict, int testsPassed, Duration wallTime) {

    public boolean passed() {
        return verdict instanceof Verdict.Passed;
    }
}
