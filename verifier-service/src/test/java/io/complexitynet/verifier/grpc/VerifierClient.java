package io.complexitynet.verifier.grpc;

import io.complexitynet.proto.v1.Candidate;
import io.complexitynet.proto.v1.ResourceLimits;
import java.util.List;

/** Test data builders for Verify requests. */
final class VerifierClient {

    private VerifierClient() {
    }

    static Candidate candidate(String id, String code, String... tests) {
        return Candidate.newBuilder().setCandidateId(id).setCode(code).addAllTests(List.of(tests)).build();
    }

    static Candidate withWallTime(Candidate candidate, long millis) {
        return candidate.toBuilder().setLimits(ResourceLimits.newBuilder().setWallTimeMillis(millis)).build();
    }
}
