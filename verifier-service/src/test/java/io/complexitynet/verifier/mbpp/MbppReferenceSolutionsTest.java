package io.complexitynet.verifier.mbpp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.auth.testing.RouterServiceToken;
import io.complexitynet.proto.v1.Candidate;
import io.complexitynet.proto.v1.CandidateResult;
import io.complexitynet.proto.v1.Verdict;
import io.complexitynet.proto.v1.VerifierGrpc;
import io.complexitynet.proto.v1.VerifyRequest;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every MBPP reference solution passes its own tests (974/974 in a clean python3 -I, per the data's README),
 * the task's names taken from the reference solution as a caller that has it would (task 126 asks for `sum`).
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
class MbppReferenceSolutionsTest {

    private static final int BATCH = 64;

    @GrpcClient("verifier")
    @RegisterClientInterceptor(RouterServiceToken.class)
    VerifierGrpc.VerifierBlockingStub verifier;

    @Test
    void all974ReferenceSolutionsPass() {
        List<MbppData.Task> tasks = MbppData.tasks();
        assertEquals(974, tasks.size());
        List<String> notPassed = new ArrayList<>();
        for (int from = 0; from < tasks.size(); from += BATCH) {
            List<MbppData.Task> slice = tasks.subList(from, Math.min(tasks.size(), from + BATCH));
            VerifyRequest.Builder request = VerifyRequest.newBuilder().setBatchId("mbpp-reference-" + from);
            for (MbppData.Task task : slice) {
                request.addCandidates(Candidate.newBuilder().setCandidateId(Integer.toString(task.taskId()))
                        .setCode(task.code()).setSetupCode(task.setupCode()).addAllTests(task.tests())
                        .addAllProvides(task.definedNames()));
            }
            for (CandidateResult result : verifier.verify(request.build()).getResultsList()) {
                if (result.getVerdict() != Verdict.VERDICT_PASSED) {
                    notPassed.add(result.getCandidateId() + " " + result.getVerdict() + " " + result.getMessage());
                }
            }
        }
        assertEquals(List.of(), notPassed);
    }
}
