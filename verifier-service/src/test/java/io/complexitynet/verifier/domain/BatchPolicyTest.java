package io.complexitynet.verifier.domain;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPolicyTest {

    private static final Limits LIMITS = new Limits(Duration.ofSeconds(5), 512L << 20, 16L << 20, 32, 64, 65536);
    private static final BatchPolicy POLICY = new BatchPolicy(4, 100, 3, 50, Duration.ofMillis(100), Duration.ofSeconds(60),
            64L << 20, 4L << 30);

    private static Candidate candidate(String code, List<String> tests, Limits limits) {
        return new Candidate("c", code, "", tests, limits);
    }

    private static void assertRejected(List<Candidate> batch, String field) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> POLICY.validate(batch));
        assertTrue(e.getMessage().startsWith(field + ":"), e::getMessage);
    }

    @Test
    void anEmptyBatchNamesTheCandidatesField() {
        assertRejected(List.of(), "candidates");
    }

    @Test
    void tooManyCandidatesNamesTheCandidatesField() {
        assertRejected(Collections.nCopies(5, candidate("x = 1", List.of("assert x"), LIMITS)), "candidates");
    }

    @Test
    void codeOverTheSizeLimitNamesTheCandidatesCode() {
        assertRejected(List.of(candidate("x = 1", List.of("assert x"), LIMITS), candidate("#".repeat(101), List.of("assert x"), LIMITS)),
                "candidates[1].code");
    }

    @Test
    void noTestsNamesTheTestsField() {
        assertRejected(List.of(candidate("x = 1", List.of(), LIMITS)), "candidates[0].tests");
    }

    @Test
    void aWallTimeOutOfRangeNamesTheLimit() {
        assertRejected(List.of(candidate("x = 1", List.of("assert x"), LIMITS.withRequest(Duration.ofMinutes(5), 0))),
                "candidates[0].limits.wall_time_millis");
    }

    @Test
    void aMemoryLimitOutOfRangeNamesTheLimit() {
        assertRejected(List.of(candidate("x = 1", List.of("assert x"), LIMITS.withRequest(Duration.ZERO, 1024))),
                "candidates[0].limits.memory_bytes");
    }
}
