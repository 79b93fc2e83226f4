package io.complexitynet.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenAiEndpointTest {

    @Test
    void chatCompletionsIsUnderTheBaseUrlWithOrWithoutATrailingSlash() {
        assertEquals(URI.create("http://localhost:8000/v1/chat/completions"), endpoint("http://localhost:8000/v1", Optional.empty()).chatCompletions());
        assertEquals(URI.create("http://localhost:8000/v1/chat/completions"), endpoint("http://localhost:8000/v1/", Optional.empty()).chatCompletions());
    }

    @Test
    void theKeyNeverAppearsInTheDescription() {
        assertFalse(endpoint("https://api.openai.com/v1", Optional.of("sk-secret")).toString().contains("sk-secret"));
    }

    @Test
    void aBlankKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> endpoint("https://api.openai.com/v1", Optional.of(" ")));
    }

    @Test
    void aBaseUrlThatIsNotHttpIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> endpoint("localhost:8000/v1", Optional.empty()));
    }

    private static OpenAiEndpoint endpoint(String baseUrl, Optional<String> key) {
        return new OpenAiEndpoint(URI.create(baseUrl), key, "m", Duration.ofSeconds(30), 3, Duration.ofMillis(500),
                Duration.ofSeconds(8), 4);
    }
}
