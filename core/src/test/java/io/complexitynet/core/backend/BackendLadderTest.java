package io.complexitynet.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.backend.ChatCompletionsStub.Reply;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BackendLadderTest {

    private static final String PREFIX = "test.models";
    private static final Optional<Path> RECORDINGS = Optional.of(recordings());
    private static final Optional<URI> LOCAL = Optional.of(URI.create("http://127.0.0.1:9/v1"));

    /** Replay or openai settings with the labeler's defaults; {@code baseUrl} only matters to openai. */
    private static ModelSettings model(String name, String backend, double cost, Optional<URI> baseUrl) {
        return new ModelSettings(name, backend, cost, baseUrl, Optional.empty(), Optional.empty(), Duration.ofSeconds(60),
                4, Duration.ofMillis(500), Duration.ofSeconds(30), 4, 512);
    }

    private static ModelSettings openAi(String name, URI baseUrl, String remoteModel, String apiKeyEnv) {
        return new ModelSettings(name, "openai", 10, Optional.of(baseUrl), Optional.of(remoteModel), Optional.of(apiKeyEnv),
                Duration.ofSeconds(5), 0, Duration.ofMillis(100), Duration.ofMillis(100), 2, 256);
    }

    private static String refusal(Supplier<BackendLadder> build) {
        return assertThrows(IllegalStateException.class, build::get).getMessage();
    }

    @Test
    void replayingModelsShareOneLoadOfTheRecordingsAndKeepTheirOrder() {
        BackendLadder ladder = BackendLadder.build(PREFIX, List.of(model("small-model", "replay", 1, Optional.empty()),
                model("large-model", "replay", 100, Optional.empty())), RECORDINGS);
        assertEquals(List.of("small-model", "large-model"), ladder.names());
        assertSame(ladder.backend("small-model"), ladder.backend("large-model"));
        assertEquals("def double(x):\n    return 2 * x",
                ladder.backend("large-model").complete(CompletionRequests.sample("large-model", "8", 0)).code());
        assertEquals(1, ladder.costUnitsPer1k("small-model"));
        assertEquals(100, ladder.costUnitsPer1k("large-model"));
        assertEquals(512, ladder.maxTokens("large-model"));
        assertEquals("replay", ladder.models().get(1).backend());
    }

    @Test
    void theReplayFileIsNotReadWhenNoModelReplays() {
        List<ModelSettings> remote = List.of(model("remote", "openai", 10, LOCAL));
        assertEquals(List.of("remote"), BackendLadder.build(PREFIX, remote, Optional.of(Path.of("no-such-file.jsonl"))).names());
        assertEquals(List.of("remote"), BackendLadder.build(PREFIX, remote, Optional.empty()).names());
    }

    @Test
    void aReplayingModelNeedsAReplayFile() {
        assertEquals("test.models: model small-model replays recorded outputs, but no replay file is configured",
                refusal(() -> BackendLadder.build(PREFIX, List.of(model("small-model", "replay", 1, Optional.empty())), Optional.empty())));
    }

    @Test
    void anOpenAiModelAsksItsRemoteModelWithTheKeyFromTheNamedVariable() {
        try (ChatCompletionsStub stub = ChatCompletionsStub.start()) {
            stub.enqueue(Reply.completion("x = 1", 1, 1));
            BackendLadder ladder = BackendLadder.build(PREFIX, List.of(openAi("gpt", stub.baseUrl(), "served-name", "LADDER_KEY")),
                    Optional.empty(), Map.of("LADDER_KEY", "sk-ladder")::get);
            assertEquals("x = 1", ladder.backend("gpt").complete(CompletionRequests.addition("gpt")).code());
            assertEquals("served-name", stub.requests().get(0).json().path("model").asText());
            assertEquals(Optional.of("Bearer sk-ladder"), stub.requests().get(0).header("Authorization"));
            assertEquals(256, ladder.maxTokens("gpt"));
        }
    }

    @Test
    void anUnsetKeyVariableMeansCallingWithoutAKey() {
        try (ChatCompletionsStub stub = ChatCompletionsStub.start()) {
            stub.enqueue(Reply.completion("x = 1", 1, 1));
            BackendLadder ladder = BackendLadder.build(PREFIX, List.of(openAi("gpt", stub.baseUrl(), "gpt", "UNSET_KEY")),
                    Optional.empty(), name -> null);
            ladder.backend("gpt").complete(CompletionRequests.addition("gpt"));
            assertEquals(Optional.empty(), stub.requests().get(0).header("Authorization"));
        }
    }

    @Test
    void anUnknownBackendIsRefusedNamingTheChoices() {
        assertEquals("test.models: model m has unknown backend 'vllm' (replay or openai)",
                refusal(() -> BackendLadder.build(PREFIX, List.of(model("m", "vllm", 1, LOCAL)), RECORDINGS)));
    }

    @Test
    void aModelConfiguredTwiceIsRefused() {
        assertEquals("test.models: model small-model is configured twice", refusal(() -> BackendLadder.build(PREFIX,
                List.of(model("small-model", "replay", 1, Optional.empty()), model("small-model", "openai", 10, LOCAL)), RECORDINGS)));
    }

    @Test
    void anOpenAiModelNeedsABaseUrl() {
        assertEquals("test.models: openai model gpt needs a base-url",
                refusal(() -> BackendLadder.build(PREFIX, List.of(model("gpt", "openai", 10, Optional.empty())), RECORDINGS)));
    }

    @Test
    void endpointSettingsOutOfRangeAreRefusedWithThePrefix() {
        ModelSettings noConcurrency = new ModelSettings("gpt", "openai", 10, LOCAL, Optional.empty(), Optional.empty(),
                Duration.ofSeconds(60), 4, Duration.ofMillis(500), Duration.ofSeconds(30), 0, 512);
        assertEquals("test.models: openai model gpt: maxRetries must be >= 0 and maxConcurrency >= 1, got 4 and 0",
                refusal(() -> BackendLadder.build(PREFIX, List.of(noConcurrency), RECORDINGS)));
    }

    @Test
    void anEmptyLadderIsRefused() {
        assertEquals("test.models: configure at least one model", refusal(() -> BackendLadder.build(PREFIX, List.of(), RECORDINGS)));
    }

    @Test
    void aModelOffTheLadderIsAnError() {
        BackendLadder ladder = BackendLadder.build(PREFIX, List.of(model("small-model", "replay", 1, Optional.empty())), RECORDINGS);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ladder.backend("gpt-5"));
        assertEquals("model gpt-5 is not on the ladder (small-model)", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ladder.maxTokens("gpt-5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ladder.costUnitsPer1k("gpt-5")).getMessage().contains("gpt-5"));
    }

    private static Path recordings() {
        try {
            return Path.of(BackendLadderTest.class.getResource("/backend/recordings.jsonl").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
