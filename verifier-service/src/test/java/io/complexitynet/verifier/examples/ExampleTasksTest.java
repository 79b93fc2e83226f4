package io.complexitynet.verifier.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.auth.testing.RouterServiceToken;
import io.complexitynet.core.task.DatasetReader;
import io.complexitynet.core.task.DatasetTask;
import io.complexitynet.core.task.ProvidedNames;
import io.complexitynet.core.task.TaskFormat;
import io.complexitynet.proto.v1.Candidate;
import io.complexitynet.proto.v1.Verdict;
import io.complexitynet.proto.v1.VerifierGrpc;
import io.complexitynet.proto.v1.VerifyRequest;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The project's own example data set in the generic format (examples/team-tasks.jsonl, string ids, setup code, several
 * test statements per task): every reference solution passes the verifier, and an answer that returns nothing fails.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
class ExampleTasksTest {

    @GrpcClient("verifier")
    @RegisterClientInterceptor(RouterServiceToken.class)
    VerifierGrpc.VerifierBlockingStub verifier;

    private static List<DatasetTask> tasks() throws IOException {
        Path file = Path.of(System.getProperty("complexitynet.repo.dir", "../.."), "examples", "team-tasks.jsonl");
        try (Reader in = Files.newBufferedReader(file)) {
            return DatasetReader.read(in, Optional.of(TaskFormat.GENERIC)).tasks();
        }
    }

    private List<String> verdicts(List<DatasetTask> tasks, boolean hollow) {
        VerifyRequest.Builder request = VerifyRequest.newBuilder();
        for (DatasetTask task : tasks) {
            List<String> provides = ProvidedNames.definedBy(task.referenceCode());
            String code = hollow ? "def " + provides.get(0) + "(*args, **kwargs):\n    return None\n" : task.referenceCode();
            request.addCandidates(Candidate.newBuilder().setCandidateId(task.sourceId()).setCode(code).setSetupCode(task.setupCode())
                    .addAllTests(task.tests()).addAllProvides(provides));
        }
        return verifier.verify(request.build()).getResultsList().stream()
                .map(result -> result.getCandidateId() + " " + result.getVerdict().name()).toList();
    }

    @Test
    void everyReferenceSolutionPassesAndAHollowAnswerFails() throws IOException {
        List<DatasetTask> tasks = tasks();
        assertEquals(10, tasks.size());
        assertEquals(tasks.stream().map(task -> task.sourceId() + " " + Verdict.VERDICT_PASSED.name()).toList(), verdicts(tasks, false));
        assertEquals(List.of(), verdicts(tasks, true).stream().filter(verdict -> verdict.endsWith(Verdict.VERDICT_PASSED.name())).toList());
    }
}
