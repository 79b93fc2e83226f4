package io.complexitynet.router.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.models.Model;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.task.MbppTask;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.core.testing.MbppSlices;
import io.complexitynet.router.domain.BudgetPeriod;
import io.complexitynet.router.domain.RoutingMode;
import io.complexitynet.router.domain.TenantPolicy;
import io.complexitynet.router.grpc.RouterAsTenants;
import io.complexitynet.testing.VerifierResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * The OpenAI-compatible front door as a team with the official OpenAI Java SDK calls it: base URL the router's
 * {@code /v1}, API key a Keycloak token of a tenant's user. Policies by model name, tests through the extension
 * object, streaming, and every error status in OpenAI's error shape.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(value = VerifierResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenAiFrontDoorTest extends RouterAsTenants {

    private static final Map<Integer, MbppTask> MBPP = MbppSlices.byId();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    void promoteAModel() {
        promoteAndLoad("openai-model");
        tenants.save(new TenantPolicy("globex", Optional.empty(), Optional.empty(), RoutingMode.PAPER, 0.5, 0, BudgetPeriod.MONTH, false));
    }

    private OpenAIClient client(String apiKey) {
        return OpenAIOkHttpClient.builder().baseUrl(routerUrl.toString() + "v1").apiKey(apiKey).maxRetries(0).build();
    }

    private OpenAIClient as(KeycloakRealm.TestUser user) {
        return client(KeycloakRealm.passwordToken(user));
    }

    private static ChatCompletionCreateParams.Builder task(int id, String model) {
        return ChatCompletionCreateParams.builder().model(model).addSystemMessage("Reply with Python code only.")
                .addUserMessage(MBPP.get(id).text());
    }

    private static JsonNode extension(ChatCompletion completion) {
        return JSON.valueToTree(completion._additionalProperties().get("complexitynet").convert(Object.class));
    }

    @Test
    void aPlainCompletionIsRoutedByTheTenantsPolicyAndCharged() {
        ChatCompletion completion = as(KeycloakRealm.ALICE).chat().completions().create(task(11, "complexitynet").build());
        assertTrue(List.of("codellama-7b-python", "gpt-3.5-turbo-1106", "gpt-4-1106-preview").contains(completion.model()),
                completion.model());
        assertFalse(completion.choices().get(0).message().content().orElse("").isBlank());
        assertEquals(ChatCompletion.Choice.FinishReason.STOP, completion.choices().get(0).finishReason());
        assertTrue(completion.usage().orElseThrow().totalTokens() > 0);
        JsonNode extension = extension(completion);
        assertEquals("", extension.path("verdict").asText(), "no tests, no verdict");
        assertEquals("paper", extension.at("/decision/policy").asText());
        assertTrue(extension.path("cost_units").asDouble() > 0);
    }

    @Test
    void theModelNameChoosesThePolicyOrGoesStraightToALadderModel() {
        ChatCompletion cheapest = as(KeycloakRealm.ALICE).chat().completions().create(task(12, "complexitynet/cheapest-first").build());
        assertEquals("codellama-7b-python", cheapest.model());
        assertEquals("cheapest-first", extension(cheapest).at("/decision/policy").asText());
        ChatCompletion expected = as(KeycloakRealm.ALICE).chat().completions().create(task(12, "complexitynet/expected-cost:0.99").build());
        assertEquals("expected-cost", extension(expected).at("/decision/policy").asText());
        ChatCompletion direct = as(KeycloakRealm.ALICE).chat().completions().create(task(12, "gpt-4-1106-preview").build());
        assertEquals("gpt-4-1106-preview", direct.model());
        assertEquals("the request named gpt-4-1106-preview", extension(direct).at("/decision/reason").asText());

        List<String> names = as(KeycloakRealm.ALICE).models().list().data().stream().map(Model::id).toList();
        assertEquals(List.of("complexitynet", "complexitynet/paper", "complexitynet/expected-cost", "complexitynet/cheapest-first",
                "complexitynet/scored-cascade", "codellama-7b-python", "gpt-3.5-turbo-1106", "gpt-4-1106-preview"), names);
    }

    @Test
    void testsThroughTheExtensionAreVerifiedAndEscalatedAndTheHeadersSaySo() {
        // Task 21: Code Llama's recorded answer fails its tests, GPT-3.5's passes.
        MbppTask task = MBPP.get(21);
        HttpResponseFor<ChatCompletion> response = as(KeycloakRealm.ALICE).chat().completions().withRawResponse()
                .create(task(21, "complexitynet/cheapest-first").putAdditionalBodyProperty("complexitynet", JsonValue.from(Map.of(
                        "tests", task.tests(), "setup_code", task.setupCode(), "max_model", "gpt-3.5-turbo-1106"))).build());
        assertEquals(200, response.statusCode());
        assertEquals(List.of("gpt-3.5-turbo-1106"), response.headers().values("x-complexitynet-model"));
        assertEquals(List.of("PASSED"), response.headers().values("x-complexitynet-verdict"));
        assertEquals(List.of("2"), response.headers().values("x-complexitynet-attempts"));
        ChatCompletion completion = response.parse();
        assertEquals("gpt-3.5-turbo-1106", completion.model());
        JsonNode extension = extension(completion);
        assertEquals("PASSED", extension.path("verdict").asText());
        assertEquals(List.of("codellama-7b-python:FAILED", "gpt-3.5-turbo-1106:PASSED"), List.of(
                extension.at("/attempts/0/model").asText() + ":" + extension.at("/attempts/0/verdict").asText(),
                extension.at("/attempts/1/model").asText() + ":" + extension.at("/attempts/1/verdict").asText()));
        assertEquals(Double.parseDouble(response.headers().values("x-complexitynet-cost-units").get(0)),
                extension.path("cost_units").asDouble(), 1e-6);
    }

    @Test
    void aStreamedAnswerArrivesAsChunksEndingInDone() throws Exception {
        OpenAIClient alice = as(KeycloakRealm.ALICE);
        ChatCompletion whole = alice.chat().completions().create(task(13, "gpt-3.5-turbo-1106").build());
        StringBuilder streamed = new StringBuilder();
        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream = alice.chat().completions().createStreaming(task(13, "gpt-3.5-turbo-1106").build())) {
            chunks = stream.stream().toList();
        }
        chunks.forEach(chunk -> chunk.choices().forEach(choice -> choice.delta().content().ifPresent(streamed::append)));
        assertEquals(whole.choices().get(0).message().content().orElseThrow(), streamed.toString());
        assertEquals(ChatCompletionChunk.Choice.FinishReason.STOP,
                chunks.get(chunks.size() - 1).choices().get(0).finishReason().orElseThrow());
        assertTrue(chunks.stream().allMatch(chunk -> chunk.model().equals("gpt-3.5-turbo-1106")));

        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(routerUrl + "v1/chat/completions"))
                .header("Authorization", "Bearer " + KeycloakRealm.passwordToken(KeycloakRealm.ALICE))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("model", "gpt-3.5-turbo-1106", "stream", true,
                        "messages", List.of(Map.of("role", "user", "content", MBPP.get(13).text())))))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, raw.statusCode());
        assertTrue(raw.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"), raw.headers()::toString);
        assertTrue(raw.body().endsWith("data: [DONE]\n\n"), raw.body());
    }

    @Test
    void aStreamedRequestWithTestsGetsOnlyTheVerifiedAnswerWithItsVerdictLast() {
        // Task 21 again: Code Llama's failing answer must never reach the caller, GPT-3.5's verified one must.
        MbppTask task = MBPP.get(21);
        ChatCompletionCreateParams params = task(21, "complexitynet/cheapest-first").putAdditionalBodyProperty("complexitynet",
                JsonValue.from(Map.of("tests", task.tests(), "setup_code", task.setupCode(), "max_model", "gpt-3.5-turbo-1106"))).build();
        ChatCompletion whole = as(KeycloakRealm.ALICE).chat().completions().create(params);
        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream = as(KeycloakRealm.ALICE).chat().completions().createStreaming(params)) {
            chunks = stream.stream().toList();
        }
        StringBuilder streamed = new StringBuilder();
        chunks.forEach(chunk -> chunk.choices().forEach(choice -> choice.delta().content().ifPresent(streamed::append)));
        assertEquals(whole.choices().get(0).message().content().orElseThrow(), streamed.toString());
        assertTrue(chunks.stream().allMatch(chunk -> chunk.model().equals("gpt-3.5-turbo-1106")), "only the verified model's answer");
        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        JsonNode extension = JSON.valueToTree(last._additionalProperties().get("complexitynet").convert(Object.class));
        assertEquals("PASSED", extension.path("verdict").asText());
        assertEquals(2, extension.path("attempts").size());
    }

    @Test
    void operatorsSeeWhatEachTenantSpentAndWhatTheLargestModelWouldHaveCost() throws Exception {
        ChatCompletion cheap = as(KeycloakRealm.ALICE).chat().completions().create(task(14, "codellama-7b-python").build());
        double charged = extension(cheap).path("cost_units").asDouble();
        String metrics = metricsText();
        double spent = sum(metrics, "router_tenant_cost_units_total{", "tenant=\"acme\"");
        double onLargest = sum(metrics, "router_tenant_largest_model_cost_units_total{", "tenant=\"acme\"");
        assertTrue(spent >= charged && charged > 0, metrics);
        // The largest model costs 100 units per 1K tokens against Code Llama's 1: this request alone saved 99%.
        assertTrue(onLargest >= 100 * charged - 1e-9, "largest " + onLargest + ", charged " + charged);
        assertTrue(sum(metrics, "router_tenant_requests_total{", "tenant=\"acme\"") >= 1, metrics);
    }

    private static double sum(String metrics, String series, String label) {
        return metrics.lines().filter(line -> line.startsWith(series) && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void everyRefusalIsOpenAisErrorWithItsStatus() {
        assertStatus(401, "invalid_api_key", () -> client("not-a-token").chat().completions().create(task(11, "complexitynet").build()));
        assertStatus(401, "invalid_api_key", () -> client(KeycloakRealm.otherAudienceToken("alice", "alice-dev-password")).chat().completions()
                .create(task(11, "complexitynet").build()));
        assertStatus(404, "model_not_found", () -> as(KeycloakRealm.ALICE).chat().completions().create(task(11, "gpt-5").build()));
        assertStatus(400, null, () -> as(KeycloakRealm.ALICE).chat().completions().create(task(11, "complexitynet/expected-cost:7").build()));
        assertStatus(400, null, () -> as(KeycloakRealm.ALICE).chat().completions().create(task(11, "complexitynet").temperature(3.0).build()));
        assertStatus(400, null, () -> as(KeycloakRealm.ALICE).chat().completions().create(ChatCompletionCreateParams.builder()
                .model("complexitynet").addSystemMessage("no user message").build()));
        tenants.save(new TenantPolicy("globex", Optional.empty(), Optional.of("gpt-3.5-turbo-1106"), RoutingMode.PAPER, 0.5, 0,
                BudgetPeriod.MONTH, false));
        try {
            assertStatus(403, null, () -> as(KeycloakRealm.BOB).chat().completions().create(task(11, "gpt-4-1106-preview").build()));
            assertFalse(as(KeycloakRealm.BOB).models().list().data().stream().anyMatch(model -> model.id().equals("gpt-4-1106-preview")),
                    "a model above the tenant's maximum is not listed");
            tenants.save(new TenantPolicy("globex", Optional.empty(), Optional.empty(), RoutingMode.PAPER, 0.5, 0.001, BudgetPeriod.DAY, false));
            assertStatus(429, "rate_limit_exceeded", () -> as(KeycloakRealm.BOB).chat().completions().create(task(11, "complexitynet").build()));
        } finally {
            tenants.save(new TenantPolicy("globex", Optional.empty(), Optional.empty(), RoutingMode.PAPER, 0.5, 0, BudgetPeriod.MONTH, false));
        }
        // A prompt no replayed model has a recording for: no model can answer.
        assertStatus(503, null, () -> as(KeycloakRealm.ALICE).chat().completions().create(ChatCompletionCreateParams.builder()
                .model("codellama-7b-python").addUserMessage("Write a haiku about routers.").build()));
    }

    @Test
    void hostileBodiesAreRefusedBeforeAnyModelRuns() throws Exception {
        double spent = sum(metricsText(), "router_tenant_cost_units_total{", "tenant=\"acme\"");
        String token = KeycloakRealm.passwordToken(KeycloakRealm.ALICE);
        // No token at all: OpenAI's 401, not Quarkus's bare one.
        HttpResponse<String> anonymous = post(Optional.empty(), "{\"model\": \"complexitynet\", \"messages\": []}");
        assertEquals(401, anonymous.statusCode());
        assertEquals("invalid_api_key", JSON.readTree(anonymous.body()).at("/error/code").asText(), anonymous.body());
        // Not JSON, and JSON of the wrong shape.
        for (String body : List.of("not json", "{\"model\": \"complexitynet\", \"messages\": \"hi\"}",
                "{\"model\": \"complexitynet\", \"messages\": [{\"role\": \"tool\", \"content\": \"x\"}]}",
                "{\"model\": \"complexitynet\", \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image_url\"}]}]}")) {
            HttpResponse<String> refused = post(Optional.of(token), body);
            assertEquals(400, refused.statusCode(), body + " -> " + refused.body());
            assertEquals("invalid_request_error", JSON.readTree(refused.body()).at("/error/type").asText(), refused.body());
            assertFalse(refused.body().contains("Exception"), refused.body());
        }
        // Messages past router.limits.prompt-chars (32000) in all, though each is short enough.
        String chunk = "x".repeat(20_000);
        HttpResponse<String> long_ = post(Optional.of(token), JSON.writeValueAsString(Map.of("model", "complexitynet", "messages",
                List.of(Map.of("role", "system", "content", chunk), Map.of("role", "user", "content", chunk)))));
        assertEquals(400, long_.statusCode(), long_.body());
        assertTrue(JSON.readTree(long_.body()).at("/error/message").asText().startsWith("messages: hold 40000 characters"), long_.body());
        // A body past the 1 MiB bound is not read at all. The client waits for "100 Continue" before it sends the body:
        // otherwise the router's 413 and the closed connection can reach it mid-upload, as an IOException. HTTP/1.1:
        // the client's h2c upgrade offer would be answered with 101 where it waits for 100.
        HttpResponse<String> huge = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(routerUrl + "v1/chat/completions"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, huge.statusCode());
        assertEquals(spent, sum(metricsText(), "router_tenant_cost_units_total{", "tenant=\"acme\""), "no model ran");
    }

    private HttpResponse<String> post(Optional<String> token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(routerUrl + "v1/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String metricsText() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(routerUrl + "q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void assertStatus(int status, String code, Executable call) {
        OpenAIServiceException error = assertThrows(OpenAIServiceException.class, call);
        assertEquals(status, error.statusCode(), error::getMessage);
        // The SDK reads the body's "error" object: there only when the answer is OpenAI's error JSON.
        JsonNode body = JSON.valueToTree(error.body().convert(Object.class));
        assertFalse(body.path("message").asText().isBlank(), body::toString);
        assertFalse(body.path("message").asText().contains("Exception"), "no stack trace or class name to the caller: " + body);
        if (code != null) {
            assertEquals(code, body.path("code").asText(), body::toString);
        }
    }
}
