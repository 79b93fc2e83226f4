package io.complexitynet.verifier.application;

import io.complexitynet.proto.v1.CandidateResult;
import io.complexitynet.proto.v1.ResourceKind;
import io.complexitynet.proto.v1.VerifyRequest;
import io.complexitynet.proto.v1.VerifyResponse;
import io.complexitynet.verifier.domain.Candidate;
import io.complexitynet.verifier.domain.InvalidRequestException;
import io.complexitynet.verifier.domain.Limits;
import io.complexitynet.verifier.domain.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Translates between the complexitynet.v1 wire types and the verifier's domain. */
final class VerifyMapping {

    private VerifyMapping() {
    }

    static List<Candidate> candidates(VerifyRequest request, Limits defaults) {
        List<Candidate> candidates = new ArrayList<>(request.getCandidatesCount());
        for (int i = 0; i < request.getCandidatesCount(); i++) {
            io.complexitynet.proto.v1.Candidate wire = request.getCandidates(i);
            String field = "candidates[" + i + "].limits";
            if (wire.getLimits().getWallTimeMillis() < 0) {
                throw new InvalidRequestException(field + ".wall_time_millis", "must not be negative");
            }
            if (wire.getLimits().getMemoryBytes() < 0) {
                throw new InvalidRequestException(field + ".memory_bytes", "must not be negative");
            }
            Limits limits = defaults.withRequest(Duration.ofMillis(wire.getLimits().getWallTimeMillis()),
                    wire.getLimits().getMemoryBytes());
            String id = wire.getCandidateId().isEmpty() ? Integer.toString(i) : wire.getCandidateId();
            candidates.add(new Candidate(id, wire.getCode(), wire.getSetupCode(), wire.getTestsList(), wire.getProvidesList(), limits));
        }
        return candidates;
    }

    static VerifyResponse response(String batchId, List<io.complexitynet.verifier.domain.CandidateResult> results) {
        VerifyResponse.Builder response = VerifyResponse.newBuilder().setBatchId(batchId);
        for (io.complexitynet.verifier.domain.CandidateResult result : results) {
            response.addResults(result(result));
        }
        return response.build();
    }

    private static CandidateResult result(io.complexitynet.verifier.domain.CandidateResult result) {
        CandidateResult.Builder wire = CandidateResult.newBuilder()
                .setCandidateId(result.candidateId())
                .setTestsPassed(result.testsPassed())
                .setWallTimeMillis(result.wallTime().toMillis())
                .setTestIndex(-1);
        Verdict verdict = result.verdict();
        if (verdict instanceof Verdict.Passed) {
            wire.setVerdict(io.complexitynet.proto.v1.Verdict.VERDICT_PASSED);
        } else if (verdict instanceof Verdict.Failed failed) {
            wire.setVerdict(io.complexitynet.proto.v1.Verdict.VERDICT_FAILED)
                    .setTestIndex(failed.testIndex()).setFailedTest(failed.test()).setMessage(failed.message());
        } else if (verdict instanceof Verdict.Errored errored) {
            wire.setVerdict(io.complexitynet.proto.v1.Verdict.VERDICT_ERROR)
                    .setTestIndex(errored.testIndex()).setErrorType(errored.type()).setMessage(errored.message());
        } else if (verdict instanceof Verdict.TimedOut timedOut) {
            wire.setVerdict(io.complexitynet.proto.v1.Verdict.VERDICT_TIMEOUT).setMessage(timedOut.message());
        } else if (verdict instanceof Verdict.ResourceLimited limited) {
            wire.setVerdict(io.complexitynet.proto.v1.Verdict.VERDICT_RESOURCE_LIMIT)
                    .setResource(ResourceKind.valueOf("RESOURCE_KIND_" + limited.kind().name()))
                    .setMessage(limited.message());
        }
        return wire.build();
    }
}
