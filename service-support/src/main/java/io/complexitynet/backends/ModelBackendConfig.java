package io.complexitynet.backends;

import io.complexitynet.core.backend.ModelSettings;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * One model of a service's ladder as configuration ({@code <service>.models[i].*}); the labeler and
 * the router list their models with it, so both build the same backends from the same keys.
 */
public interface ModelBackendConfig {

    /** Name used in jobs, samples, labels and usage, e.g. gpt-4-1106-preview. */
    String name();

    /** {@code replay} (recorded outputs) or {@code openai} (any OpenAI-compatible endpoint). */
    String backend();

    /** Relative price per 1K tokens (the paper: 1, 10, 100). */
    @WithName("cost-units-per-1k")
    double costUnitsPer1k();

    /** For openai: e.g. http://localhost:8000/v1. */
    Optional<URI> baseUrl();

    /** For openai: the model name the endpoint expects; defaults to {@link #name()}. */
    Optional<String> remoteModel();

    /** For openai: name of the environment variable holding the API key (the key itself is never configured). */
    Optional<String> apiKeyEnv();

    @WithDefault("60s")
    Duration requestTimeout();

    @WithDefault("4")
    int maxRetries();

    @WithDefault("500ms")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /** Requests in flight to this model at once. */
    @WithDefault("4")
    int maxConcurrency();

    @WithDefault("512")
    int maxTokens();

    /** The same model as core's backends take it. */
    default ModelSettings settings() {
        return new ModelSettings(name(), backend(), costUnitsPer1k(), baseUrl(), remoteModel(), apiKeyEnv(), requestTimeout(),
                maxRetries(), initialBackoff(), maxBackoff(), maxConcurrency(), maxTokens());
    }
}
