package io.complexitynet.router.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.auth.testing.Bearer;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.task.MbppTask;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.core.testing.MbppSlices;
import io.complexitynet.model.learning.AnswerScorer;
import io.complexitynet.proto.v1.Attempt;
import io.complexitynet.proto.v1.GetUsageRequest;
import io.complexitynet.proto.v1.RouteRequest;
import io.complexitynet.proto.v1.RouteResponse;
import io.complexitynet.proto.v1.RouterGrpc;
import io.complexitynet.testing.VerifierResource;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The scored cascade through the Router API and the OpenAI front door: no tests, the examples' calls run by the real
 * verifier, a promoted model whose answer scorer takes only answers whose every example call returned a value. Which of
 * MBPP's recorded answers do: Code Llama's to task 11 returns; its answer to task 15 raises (it uses re without importing
 * it) and GPT-3.5's returns; both answers to task 31 raise.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(value = VerifierResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoredCascadeTest extends RouterAsTenants {

    private static final Map<Integer, MbppTask> MBPP = MbppSlices.byId();
    private static final String CODE_LLAMA = "codellama-7b-python";
    private static final String GPT_35 = "gpt-3.5-turbo-1106";
    private static final String GPT_4 = "gpt-4-1106-preview";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bias -5, +10 when every call returned a value, nothing else weighed: 0.993 for RETURNED, 0.007 for anything else. */
    private static final AnswerScorer RETURNED_ONLY = new AnswerScorer(3, new double[] {-5, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0.5);

    private ManagedChannel channel;
    private byte[] unscored;

    @BeforeAll
    void promoteAModelWithAScorer() {
        channel = Bearer.channelTo(routerUrl);
        unscored = models.train(1);
        promote(models.withAnswerScorer(unscored, RETURNED_ONLY));
    }

    @AfterAll
    void disconnect() {
        channel.shutdownNow();
    }

    private void promote(byte[] artifact) {
        models.promote(UUID.randomUUID().toString(), artifact);
        classifier.reload();
    }

    private RouterGrpc.RouterBlockingStub alice() {
        return as(channel, KeycloakRealm.ALICE);
    }

    /** The task's prompt without tests, its tests sent as examples: only their calls run, nothing is compared. */
    private static RouteRequest.Builder scored(int id) {
        MbppTask task = MBPP.get(id);
        return RouteRequest.newBuilder().setPrompt(task.text()).addAllExamples(task.tests()).setPolicy("scored-cascade");
    }

    private static List<String> models(RouteResponse response) {
        return response.getAttemptsList().stream().map(Attempt::getModel).toList();
    }

    @Test
    void anAnswerWhoseExampleCallsReturnedIsTakenFromTheCheapestModel() {
        RouteResponse response = alice().route(scored(11).build());
        assertEquals(List.of(CODE_LLAMA), models(response));
        Attempt attempt = response.getAttempts(0);
        assertEquals("RETURNED", attempt.getProbe().getOutcome());
        assertEquals(3, attempt.getProbe().getCalls(), "task 11 shows three example calls");
        assertTrue(attempt.getProbe().getAccepted());
        assertTrue(attempt.getProbe().getScore() > 0.99, () -> "score " + attempt.getProbe().getScore());
        assertTrue(attempt.getProbe().getProbeMillis() > 0);
        assertEquals(CODE_LLAMA, response.getModel());
        assertEquals("", response.getVerdict(), "no tests, no verdict");
        assertTrue(response.getLatency().getProbeMillis() >= attempt.getProbe().getProbeMillis(), response.getLatency()::toString);
        assertEquals(0, response.getLatency().getVerificationMillis());
        assertTrue(response.getDecision().getReason().startsWith("scored cascade from " + CODE_LLAMA), response.getDecision().getReason());
    }

    @Test
    void aRejectedAnswerAsksTheNextModelAndEveryModelAskedIsCharged() throws Exception {
        double before = alice().getUsage(GetUsageRequest.getDefaultInstance()).getPeriodCostUnits();
        double rejectedBefore = judged(CODE_LLAMA, "RAISED", false);
        double takenBefore = judged(GPT_35, "RETURNED", true);
        RouteResponse response = alice().route(scored(15).build());
        assertEquals(List.of(CODE_LLAMA, GPT_35), models(response));
        assertEquals("RAISED", response.getAttempts(0).getProbe().getOutcome());
        assertFalse(response.getAttempts(0).getProbe().getAccepted());
        assertEquals("RETURNED", response.getAttempts(1).getProbe().getOutcome());
        assertTrue(response.getAttempts(1).getProbe().getAccepted());
        assertEquals(GPT_35, response.getModel());
        assertTrue(response.getAttemptsList().stream().allMatch(attempt -> attempt.getCostUnits() > 0));
        assertEquals(response.getAttempts(0).getCostUnits() + response.getAttempts(1).getCostUnits(), response.getCostUnits(), 1e-9);
        double after = alice().getUsage(GetUsageRequest.getDefaultInstance()).getPeriodCostUnits();
        assertEquals(before + response.getCostUnits(), after, 1e-6);
        assertEquals(rejectedBefore + 1, judged(CODE_LLAMA, "RAISED", false), "Code Llama's rejected answer is counted");
        assertEquals(takenBefore + 1, judged(GPT_35, "RETURNED", true), "GPT-3.5's taken answer is counted");
    }

    /** Judged answers counted so far for this model, probe outcome and acceptance, not compared with a second answer. */
    private double judged(String model, String probe, boolean accepted) throws Exception {
        String exposition = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(routerUrl + "q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return exposition.lines().filter(line -> line.startsWith("router_judged_answers_total{")
                        && line.contains("model=\"" + model + "\"") && line.contains("probe=\"" + probe + "\"")
                        && line.contains("accepted=\"" + accepted + "\"") && line.contains("agreement=\"none\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void theLastAllowedModelsAnswerIsTakenWithoutAProbe() {
        RouteResponse full = alice().route(scored(31).build());
        assertEquals(List.of(CODE_LLAMA, GPT_35, GPT_4), models(full));
        assertFalse(full.getAttempts(1).getProbe().getAccepted());
        assertFalse(full.getAttempts(2).hasProbe());
        assertEquals(GPT_4, full.getModel());

        RouteResponse capped = alice().route(scored(31).setMaxModel(GPT_35).build());
        assertEquals(List.of(CODE_LLAMA, GPT_35), models(capped));
        assertFalse(capped.getAttempts(1).hasProbe());
        assertEquals(GPT_35, capped.getModel());
    }

    @Test
    void withTestsThePolicyVerifiesAndEscalatesWithoutProbing() {
        // Task 21: Code Llama's recorded answer fails its tests, GPT-3.5's passes.
        RouteResponse response = alice().route(scored(21).addAllTests(MBPP.get(21).tests()).build());
        assertEquals(List.of("FAILED", "PASSED"), response.getAttemptsList().stream().map(Attempt::getVerdict).toList());
        assertTrue(response.getAttemptsList().stream().noneMatch(Attempt::hasProbe));
        assertEquals(0, response.getLatency().getProbeMillis());
    }

    /** Task 15 through the OpenAI front door by the scored cascade, its tests as the extension's examples. */
    private HttpResponse<String> chat(boolean stream) throws Exception {
        String body = JSON.writeValueAsString(Map.of("model", "complexitynet/scored-cascade", "stream", stream,
                "messages", List.of(Map.of("role", "user", "content", MBPP.get(15).text())),
                "complexitynet", Map.of("examples", MBPP.get(15).tests())));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(routerUrl + "v1/chat/completions"))
                .header("Authorization", "Bearer " + KeycloakRealm.passwordToken(KeycloakRealm.ALICE))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theOpenAiFrontDoorTakesTheExamplesFromItsExtensionAndReportsTheProbes() throws Exception {
        HttpResponse<String> response = chat(false);
        assertEquals(200, response.statusCode(), response::body);
        JsonNode extension = JSON.readTree(response.body()).path("complexitynet");
        assertEquals(GPT_35, JSON.readTree(response.body()).path("model").asText());
        assertEquals("RAISED", extension.at("/attempts/0/probe/outcome").asText(), extension::toString);
        assertTrue(extension.at("/attempts/1/probe/accepted").asBoolean(), extension::toString);
        assertTrue(extension.at("/latency/probe_millis").asDouble() > 0, extension::toString);
    }

    @Test
    void aStreamedAnswerGoesOutOnceTakenNeverARejectedOneBeforeIt() throws Exception {
        HttpResponse<String> response = chat(true);
        assertEquals(200, response.statusCode(), response::body);
        List<JsonNode> chunks = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data: {")) {
                chunks.add(JSON.readTree(line.substring("data: ".length())));
            }
        }
        assertTrue(chunks.stream().allMatch(chunk -> chunk.path("model").asText().equals(GPT_35)), response::body);
        String content = chunks.stream().map(chunk -> chunk.at("/choices/0/delta/content").asText("")).reduce("", String::concat);
        JsonNode extension = chunks.get(chunks.size() - 1).path("complexitynet");
        String firstLine = extension.path("code").asText().strip().lines().findFirst().orElseThrow();
        assertTrue(content.contains(firstLine), () -> "the taken answer goes out: " + content);
        assertEquals(2, extension.path("attempts").size(), extension::toString);
        assertTrue(response.body().endsWith("data: [DONE]\n\n"));
    }

    @Test
    void aPromotedModelWithoutAScorerIsRefusedBeforeAnyModelRuns() {
        promote(unscored);
        try {
            double before = alice().getUsage(GetUsageRequest.getDefaultInstance()).getPeriodCostUnits();
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> alice().route(scored(11).build()));
            assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode());
            assertTrue(refused.getStatus().getDescription().contains("has no answer scorer"), refused.getStatus()::getDescription);
            assertEquals(before, alice().getUsage(GetUsageRequest.getDefaultInstance()).getPeriodCostUnits());
            RouteResponse tested = alice().route(scored(11).addAllTests(MBPP.get(11).tests()).build());
            assertFalse(tested.getVerdict().isEmpty(), "with tests the policy needs no scorer: the answers are verified");
        } finally {
            promote(models.withAnswerScorer(unscored, RETURNED_ONLY));
        }
    }
}
