package io.complexitynet.router.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.backend.ChatCompletionsStub;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.router.grpc.RouterAsTenants;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI front door relaying a model's reply as the model writes it: the cheapest ladder model is an
 * OpenAI-compatible endpoint (a local stub) that streams its reply a piece every 400 ms, and a caller asking for it with
 * {@code stream: true} and no tests must see each piece when the stub sends it, not all of them at the end. An IT so
 * it runs in a JVM of its own: one JVM loads the encoder's native tokenizer for one application only.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@TestProfile(LiveStreamingIT.StreamingEndpoint.class)
class LiveStreamingIT extends RouterAsTenants {

    private static final ChatCompletionsStub ENDPOINT = ChatCompletionsStub.start();
    private static final Duration PACE = Duration.ofMillis(400);
    private static final List<String> PIECES = List.of("def add(a, b):\n", "    return ", "a + b\n");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static class StreamingEndpoint implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("router.models[0].backend", "openai", "router.models[0].base-url", ENDPOINT.baseUrl().toString(),
                    "router.models[0].remote-model", "stub-coder");
        }
    }

    @AfterAll
    static void stop() {
        ENDPOINT.close();
    }

    /** One server-sent event as the caller read it, and when. */
    private record Received(long atMillis, String data) {
    }

    @Test
    void eachPieceReachesTheCallerWhenTheModelSendsIt() throws Exception {
        promoteAndLoad("streaming-model");
        ENDPOINT.enqueue(ChatCompletionsStub.Reply.stream(PIECES, 9, 12, true).paced(PACE));
        String request = JSON.writeValueAsString(Map.of("model", "codellama-7b-python", "stream", true, "messages", List.of(
                Map.of("role", "system", "content", "Answer with code."), Map.of("role", "user", "content", "Write add(a, b)."))));
        long sent = System.nanoTime();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(routerUrl
                        + "v1/chat/completions")).header("Authorization", "Bearer " + KeycloakRealm.passwordToken(KeycloakRealm.ALICE))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request)).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        List<Received> events = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            lines.filter(line -> line.startsWith("data: ")).forEach(line ->
                    events.add(new Received((System.nanoTime() - sent) / 1_000_000, line.substring("data: ".length()))));
        }

        List<Received> pieces = new ArrayList<>();
        StringBuilder reply = new StringBuilder();
        for (Received event : events) {
            if (event.data().equals("[DONE]")) {
                continue;
            }
            JsonNode content = JSON.readTree(event.data()).at("/choices/0/delta/content");
            if (content.isTextual() && !content.asText().isEmpty()) {
                pieces.add(event);
                reply.append(content.asText());
            }
        }
        assertEquals(String.join("", PIECES), reply.toString());
        assertEquals(PIECES.size(), pieces.size(), events::toString);
        // The stub waits PACE after each event: relayed live, the pieces arrive about PACE apart, the first long before the end.
        for (int i = 1; i < pieces.size(); i++) {
            long gap = pieces.get(i).atMillis() - pieces.get(i - 1).atMillis();
            assertTrue(gap >= PACE.toMillis() / 2, "piece " + i + " came " + gap + " ms after the one before: " + events);
        }
        assertTrue(events.get(events.size() - 1).atMillis() - pieces.get(0).atMillis() >= PACE.toMillis() * (PIECES.size() - 1),
                events::toString);
        assertEquals("[DONE]", events.get(events.size() - 1).data());

        JsonNode asked = ENDPOINT.requests().get(0).json();
        assertTrue(asked.path("stream").asBoolean(), asked::toString);
        assertEquals("Answer with code.", asked.at("/messages/0/content").asText(), "the caller's messages, as sent");
        assertEquals("Write add(a, b).", asked.at("/messages/1/content").asText());
    }
}
