package io.complexitynet.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.complexitynet.core.backend.ChatCompletionsStub.RecordedRequest;
import io.complexitynet.core.backend.ChatCompletionsStub.Reply;
import io.complexitynet.core.task.ChatTurn;
import io.complexitynet.core.task.CodeTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What is sent and how replies are read; retries are in {@link OpenAiCompatibleBackendRetryTest}. */
class OpenAiCompatibleBackendTest {

    private final ChatCompletionsStub stub = ChatCompletionsStub.start();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void theCodeIsTakenOutOfAFencedReplyAndTheTokensRecorded() {
        String reply = "Here you go:\n```python\ndef add(a, b):\n    return a + b\n```";
        stub.enqueue(Reply.completion(reply, 120, 30));
        Completion completion = backend(Optional.empty()).complete(CompletionRequests.addition("gpt-4-1106-preview"));
        assertEquals("def add(a, b):\n    return a + b", completion.code());
        assertEquals(reply, completion.rawText());
        assertEquals(120, completion.promptTokens());
        assertEquals(30, completion.completionTokens());
    }

    @Test
    void theTaskPromptGoesToTheRemoteModelWithTheSamplingSettings() {
        stub.enqueue(Reply.completion("x = 1", 1, 1));
        backend(Optional.empty()).complete(CompletionRequests.addition("gpt-4-1106-preview"));
        RecordedRequest sent = stub.requests().get(0);
        assertEquals("/v1/chat/completions", sent.path());
        assertEquals(Optional.of("application/json"), sent.header("content-type"));
        JsonNode body = sent.json();
        assertEquals("remote-model", body.path("model").asText());
        assertEquals("system", body.at("/messages/0/role").asText());
        assertEquals(ChatPrompt.system(), body.at("/messages/0/content").asText());
        assertEquals("user", body.at("/messages/1/role").asText());
        assertEquals(ChatPrompt.user(CompletionRequests.ADDITION), body.at("/messages/1/content").asText());
        assertEquals(2, body.path("messages").size());
        assertEquals(0.2, body.path("temperature").asDouble());
        assertEquals(512, body.path("max_tokens").asInt());
    }

    @Test
    void aCallersOwnMessagesGoToTheRemoteModelAsSent() {
        stub.enqueue(Reply.completion("x = 1", 1, 1));
        List<ChatTurn> conversation = List.of(new ChatTurn("system", "Answer in Python."),
                new ChatTurn("user", "Write add(a, b)."), new ChatTurn("assistant", "def add(a, b): ..."),
                new ChatTurn("user", "Now with a docstring."));
        CodeTask task = new CodeTask("r-1", "Now with a docstring.", "", List.of(), conversation);
        backend(Optional.empty()).complete(new CompletionRequest("gpt-4-1106-preview", task, 0, 0, 64));
        JsonNode messages = stub.requests().get(0).json().path("messages");
        assertEquals(4, messages.size());
        for (int i = 0; i < conversation.size(); i++) {
            assertEquals(conversation.get(i).role(), messages.get(i).path("role").asText());
            assertEquals(conversation.get(i).content(), messages.get(i).path("content").asText());
        }
    }

    @Test
    void aStreamedReplyIsHandedOnPieceByPieceAndReadWhole() {
        stub.enqueue(Reply.stream(List.of("```python\ndef add(a, b):\n", "    return a + b\n", "```"), 40, 12, true));
        List<String> pieces = new ArrayList<>();
        Completion completion = backend(Optional.empty()).complete(CompletionRequests.addition("gpt-4-1106-preview"), pieces::add);
        assertEquals(List.of("```python\ndef add(a, b):\n", "    return a + b\n", "```"), pieces);
        assertEquals(String.join("", pieces), completion.rawText());
        assertEquals("def add(a, b):\n    return a + b", completion.code());
        assertEquals(40, completion.promptTokens());
        assertEquals(12, completion.completionTokens());
        JsonNode body = stub.requests().get(0).json();
        assertTrue(body.path("stream").asBoolean());
        assertTrue(body.at("/stream_options/include_usage").asBoolean());
    }

    @Test
    void aStreamCutOffBeforeAnyPieceIsRetriedButNotOneCutOffAfter() {
        stub.enqueue(Reply.status(503, "overloaded"), Reply.stream(List.of("x = 1"), 1, 1, true));
        List<String> pieces = new ArrayList<>();
        assertEquals("x = 1", backend(Optional.empty()).complete(CompletionRequests.addition("m"), pieces::add).rawText());
        assertEquals(List.of("x = 1"), pieces);

        stub.enqueue(Reply.stream(List.of("x = "), 1, 1, false), Reply.stream(List.of("x = 2"), 1, 1, true));
        BackendException broken = assertThrows(BackendException.class,
                () -> backend(Optional.empty()).complete(CompletionRequests.addition("m"), text -> { }));
        assertTrue(broken.retryable());
        assertTrue(broken.getMessage().contains("the stream broke after part of the reply was handed on"), broken.getMessage());
        assertEquals(3, stub.requests().size(), "not sent again once a piece was handed on");
    }

    @Test
    void theApiKeyIsSentAsABearerToken() {
        stub.enqueue(Reply.completion("x = 1", 1, 1));
        backend(Optional.of("sk-test")).complete(CompletionRequests.addition("m"));
        assertEquals(Optional.of("Bearer sk-test"), stub.requests().get(0).header("Authorization"));
    }

    @Test
    void withoutAKeyNoAuthorizationIsSent() {
        stub.enqueue(Reply.completion("x = 1", 1, 1));
        backend(Optional.empty()).complete(CompletionRequests.addition("m"));
        assertEquals(Optional.empty(), stub.requests().get(0).header("Authorization"));
    }

    @Test
    void aReplyWithoutUsageCountsNoTokens() {
        stub.enqueue(Reply.status(200, "{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": \"x = 1\"}}]}"));
        Completion completion = backend(Optional.empty()).complete(CompletionRequests.addition("m"));
        assertEquals(0, completion.promptTokens() + completion.completionTokens());
    }

    @Test
    void aBadRequestIsNotRetriedAndSaysWhy() {
        BackendException error = permanentErrorOn(Reply.status(400, "{\"error\": {\"message\": \"max_tokens is too large\"}}"));
        assertTrue(error.getMessage().contains("HTTP 400"), error.getMessage());
        assertTrue(error.getMessage().contains("max_tokens is too large"), error.getMessage());
        assertEquals(1, stub.requests().size());
    }

    @Test
    void aBodyThatIsNotJsonIsAPermanentError() {
        BackendException error = permanentErrorOn(Reply.status(200, "<html>Not Found</html>"));
        assertTrue(error.getMessage().contains("the body is not JSON: <html>Not Found</html>"), error.getMessage());
        assertEquals(1, stub.requests().size());
    }

    @Test
    void aReplyWithoutMessageContentIsAPermanentError() {
        BackendException error = permanentErrorOn(
                Reply.status(200, "{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": null}}]}"));
        assertTrue(error.getMessage().contains("no choices[0].message.content"), error.getMessage());
    }

    /** The error a completion ends in when the stub gives this reply, asserted to be one a retry would not mend. */
    private BackendException permanentErrorOn(Reply reply) {
        stub.enqueue(reply);
        BackendException error = assertThrows(BackendException.class,
                () -> backend(Optional.empty()).complete(CompletionRequests.addition("m")));
        assertFalse(error.retryable());
        return error;
    }

    private OpenAiCompatibleBackend backend(Optional<String> apiKey) {
        return new OpenAiCompatibleBackend(new OpenAiEndpoint(stub.baseUrl(), apiKey, "remote-model",
                Duration.ofSeconds(2), 2, Duration.ofMillis(10), Duration.ofMillis(50), 4));
    }
}
