package io.complexitynet.core.backend;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One model of a ladder as a service configures it. {@code backend} is {@code replay} (recorded outputs)
 * or {@code openai} (an OpenAI-compatible endpoint); the fields from {@code baseUrl} to
 * {@code maxConcurrency} only matter to {@code openai}, where {@code remoteModel} defaults to
 * {@code name} and {@code apiKeyEnv} names the environment variable holding the key, never the key.
 * {@link BackendLadder} checks that the settings fit together.
 */
public record ModelSettings(String name, String backend, double costUnitsPer1k, Optional<URI> baseUrl,
        Optional<String> remoteModel, Optional<String> apiKeyEnv, Duration requestTimeout, int maxRetries,
        Duration initialBackoff, Duration maxBackoff, int maxConcurrency, int maxTokens) {

    public ModelSettings {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a model must be named");
        }
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(remoteModel, "remoteModel");
        Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
    }
}
