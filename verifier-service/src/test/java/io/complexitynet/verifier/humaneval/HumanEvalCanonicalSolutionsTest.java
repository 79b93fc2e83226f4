package io.complexitynet.verifier.humaneval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HumanEval's second task shape through the gRPC API: code = prompt + canonical solution, setup = the
 * task's `test` (which defines `check(candidate)`), test = `check(<entry point>)`. All 164 pass, and
 * each with its body replaced by one returning an always-equal object fails.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
class HumanEvalCanonicalSolutionsTest {

    private static final int BATCH = 64;
    private static final String ALWAYS_EQUAL = "\nclass _Anything:\n    def __eq__(self, other):\n        return True\n"
            + "    def __bool__(self):\n        return True\n    __hash__ = object.__hash__\n";

    @GrpcClient("verifier")
    @RegisterClientInterceptor(RouterServiceToken.class)
    VerifierGrpc.VerifierBlockingStub verifier;

    private record Task(String id, String prompt, String solution, String test, String entryPoint) {
    }

    private static List<Task> tasks() throws IOException {
        Path file = Path.of(System.getProperty("complexitynet.data.dir", "../../shared/data"), "humaneval", "HumanEval.jsonl");
        ObjectMapper json = new ObjectMapper();
        List<Task> tasks = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode node = json.readTree(line);
                tasks.add(new Task(node.get("task_id").asText(), node.get("prompt").asText(), node.get("canonical_solution").asText(),
                        node.get("test").asText(), node.get("entry_point").asText()));
            }
        }
        return tasks;
    }

    private List<CandidateResult> verifyAll(List<Task> tasks, boolean forged) {
        List<CandidateResult> results = new ArrayList<>();
        for (int from = 0; from < tasks.size(); from += BATCH) {
            VerifyRequest.Builder request = VerifyRequest.newBuilder();
            for (Task task : tasks.subList(from, Math.min(tasks.size(), from + BATCH))) {
                String code = forged
                        ? task.prompt() + "    return _Anything()\n" + ALWAYS_EQUAL
                        : task.prompt() + task.solution();
                request.addCandidates(Candidate.newBuilder().setCandidateId(task.id()).setCode(code)
                        .setSetupCode(task.test()).addTests("check(" + task.entryPoint() + ")").addProvides(task.entryPoint()));
            }
            results.addAll(verifier.verify(request.build()).getResultsList());
        }
        return results;
    }

    @Test
    void all164CanonicalSolutionsPassAndNoAlwaysEqualForgeryDoes() throws IOException {
        List<Task> tasks = tasks();
        assertEquals(164, tasks.size());
        List<String> notPassed = new ArrayList<>();
        for (CandidateResult result : verifyAll(tasks, false)) {
            if (result.getVerdict() != Verdict.VERDICT_PASSED) {
                notPassed.add(result.getCandidateId() + " " + result.getVerdict() + " " + result.getErrorType() + " " + result.getMessage());
            }
        }
        assertEquals(List.of(), notPassed);
        List<String> forgedPassed = verifyAll(tasks, true).stream()
                .filter(result -> result.getVerdict() == Verdict.VERDICT_PASSED).map(CandidateResult::getCandidateId).toList();
        assertEquals(List.of(), forgedPassed);
    }
}
