package io.complexitynet.verifier.grpc;

import static io.complexitynet.verifier.grpc.VerifierClient.candidate;
import static io.complexitynet.verifier.grpc.VerifierClient.withWallTime;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.auth.testing.RouterServiceToken;
import io.complexitynet.proto.v1.Candidate;
import io.complexitynet.proto.v1.CandidateResult;
import io.complexitynet.proto.v1.CheckTestsRequest;
import io.complexitynet.proto.v1.CheckTestsResponse;
import io.complexitynet.proto.v1.ResourceKind;
import io.complexitynet.proto.v1.ResourceLimits;
import io.complexitynet.proto.v1.Verdict;
import io.complexitynet.proto.v1.VerifierGrpc;
import io.complexitynet.proto.v1.VerifyRequest;
import io.complexitynet.proto.v1.VerifyResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Collections;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
class VerifierGrpcServiceTest {

    private static final String ADD = "def add(a, b):\n    return a + b\n";

    @GrpcClient("verifier")
    @RegisterClientInterceptor(RouterServiceToken.class)
    VerifierGrpc.VerifierBlockingStub verifier;

    private VerifyResponse verify(Candidate... candidates) {
        return verifier.verify(VerifyRequest.newBuilder().setBatchId("test-batch").addAllCandidates(java.util.List.of(candidates)).build());
    }

    private Status.Code rejection(VerifyRequest request, String expectedField) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> verifier.verify(request));
        String description = e.getStatus().getDescription();
        assertTrue(description != null && description.contains(expectedField), () -> "description: " + description);
        return e.getStatus().getCode();
    }

    private String checkRefusal(CheckTestsRequest request) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> verifier.checkTests(request));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.getStatus()::toString);
        return e.getStatus().getDescription();
    }

    @Test
    void checkTestsAcceptsSetupAndTestsThatParseAndNamesTheFirstFieldThatDoesNot() {
        CheckTestsRequest.Builder valid = CheckTestsRequest.newBuilder().setSetupCode("import math\nLIMIT = 3\n")
                .addTests("assert add(1, 2) == LIMIT").addTests("assert math.isclose(add(0.1, 0.2), 0.3)");
        assertEquals(CheckTestsResponse.getDefaultInstance(), verifier.checkTests(valid.build()));

        String test = checkRefusal(valid.clone().addTests("assert (").addTests("assert )").build());
        assertTrue(test.startsWith("tests[2]: is not valid Python"), test);
        String setup = checkRefusal(valid.clone().setSetupCode("def broken(:\n").build());
        assertTrue(setup.startsWith("setup_code: is not valid Python"), setup);
        assertEquals("tests: is empty; send at least one test statement", checkRefusal(CheckTestsRequest.getDefaultInstance()));
        String large = checkRefusal(valid.clone().addTests("assert '" + "x".repeat(20_000) + "'").build());
        assertTrue(large.startsWith("tests[2]: ") && large.contains("exceed the limit"), large);
    }

    @Test
    void eachVerdictKindComesBackInRequestOrder() {
        VerifyResponse response = verify(
                candidate("pass", ADD, "assert add(1, 2) == 3"),
                candidate("fail", "def add(a, b):\n    return a - b\n", "assert add(1, 1) == 2", "assert add(2, 0) == 2"),
                candidate("error", "def add(a, b):\n    return undefined_name\n", "assert add(1, 2) == 3"),
                candidate("syntax", "def add(a, b) return a\n", "assert add(1, 2) == 3"),
                withWallTime(candidate("timeout", "def add(a, b):\n    while True: pass\n", "assert add(1, 2) == 3"), 500),
                candidate("memory", "def add(a, b):\n    return len(bytearray(8 << 30))\n", "assert add(1, 2) == 3"));
        assertEquals("test-batch", response.getBatchId());
        CandidateResult pass = response.getResults(0);
        assertEquals("pass", pass.getCandidateId());
        assertEquals(Verdict.VERDICT_PASSED, pass.getVerdict());
        assertEquals(1, pass.getTestsPassed());
        assertTrue(pass.getWallTimeMillis() > 0);

        CandidateResult fail = response.getResults(1);
        assertEquals(Verdict.VERDICT_FAILED, fail.getVerdict());
        assertEquals(0, fail.getTestIndex());
        assertEquals("assert add(1, 1) == 2", fail.getFailedTest());
        assertEquals("got 0", fail.getMessage());

        CandidateResult error = response.getResults(2);
        assertEquals(Verdict.VERDICT_ERROR, error.getVerdict());
        assertEquals("NameError", error.getErrorType());
        assertTrue(error.getMessage().contains("undefined_name"));

        assertEquals("SyntaxError", response.getResults(3).getErrorType());
        assertEquals(Verdict.VERDICT_TIMEOUT, response.getResults(4).getVerdict());
        assertEquals(Verdict.VERDICT_RESOURCE_LIMIT, response.getResults(5).getVerdict());
        assertEquals(ResourceKind.RESOURCE_KIND_MEMORY, response.getResults(5).getResource());
    }

    @Test
    void setupCodeRunsBetweenTheCandidateAndTheTests() {
        Candidate candidate = candidate("setup", "class Node:\n    def __init__(self, v):\n        self.v = v\n"
                + "def value(n):\n    return n.v\n", "assert value(root) == 7").toBuilder().setSetupCode("root = Node(7)").build();
        assertEquals(Verdict.VERDICT_PASSED, verify(candidate).getResults(0).getVerdict());
    }

    @Test
    void anEmptyBatchIsAnInvalidArgumentNamingTheField() {
        assertEquals(Status.Code.INVALID_ARGUMENT, rejection(VerifyRequest.getDefaultInstance(), "candidates"));
    }

    @Test
    void tooManyCandidatesIsAnInvalidArgument() {
        VerifyRequest request = VerifyRequest.newBuilder()
                .addAllCandidates(Collections.nCopies(65, candidate("c", ADD, "assert add(1, 2) == 3"))).build();
        assertEquals(Status.Code.INVALID_ARGUMENT, rejection(request, "65 candidates exceed the limit of 64"));
    }

    @Test
    void codeOverTheSizeLimitIsAnInvalidArgumentNamingTheCandidate() {
        VerifyRequest request = VerifyRequest.newBuilder()
                .addCandidates(candidate("ok", ADD, "assert add(1, 2) == 3"))
                .addCandidates(candidate("big", "#" + "x".repeat(70_000), "assert True")).build();
        assertEquals(Status.Code.INVALID_ARGUMENT, rejection(request, "candidates[1].code"));
    }

    @Test
    void limitsOutOfRangeAreAnInvalidArgumentNamingTheLimit() {
        Candidate tooLong = candidate("c", ADD, "assert add(1, 2) == 3").toBuilder()
                .setLimits(ResourceLimits.newBuilder().setWallTimeMillis(3_600_000)).build();
        assertEquals(Status.Code.INVALID_ARGUMENT,
                rejection(VerifyRequest.newBuilder().addCandidates(tooLong).build(), "candidates[0].limits.wall_time_millis"));
        Candidate negative = candidate("c", ADD, "assert add(1, 2) == 3").toBuilder()
                .setLimits(ResourceLimits.newBuilder().setMemoryBytes(-1)).build();
        assertEquals(Status.Code.INVALID_ARGUMENT,
                rejection(VerifyRequest.newBuilder().addCandidates(negative).build(), "candidates[0].limits.memory_bytes"));
    }

    @Test
    void aTestThatIsNotPythonIsAnInvalidArgumentNamingTheTest() {
        VerifyRequest request = VerifyRequest.newBuilder()
                .addCandidates(candidate("c", ADD, "assert add(1, 2) == 3", "assert add(1,, 2) == 3")).build();
        assertEquals(Status.Code.INVALID_ARGUMENT, rejection(request, "candidates[0].tests[1]: is not valid Python"));
    }

    @Test
    void readinessReportsThePassedSelfCheckAndMetricsAreExported() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("self-check passed"));
        verify(candidate("pass", ADD, "assert add(1, 2) == 3"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("verifier_verdicts_total"))
                .body(containsString("verifier_queue_depth"))
                .body(containsString("verifier_sandbox_starts_total"))
                .body(containsString("verifier_candidate_duration_seconds_bucket"));
    }
}
