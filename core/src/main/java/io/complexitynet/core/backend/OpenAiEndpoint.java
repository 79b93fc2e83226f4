package io.complexitynet.core.backend;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach an OpenAI-compatible chat-completions server for one model.
 * {@code baseUrl} is the API root, e.g. {@code http://localhost:8000/v1}; {@code remoteModel} is
 * the server's name for the model; {@code maxRetries} counts retries after the first attempt,
 * waiting from {@code initialBackoff}, doubling up to {@code maxBackoff}; {@code maxConcurrency}
 * bounds requests in flight. The API key is the caller's to find (environment, secret store).
 */
public record OpenAiEndpoint(URI baseUrl, Optional<String> apiKey, String remoteModel, Duration requestTimeout,
        int maxRetries, Duration initialBackoff, Duration maxBackoff, int maxConcurrency) {

    public OpenAiEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey (Optional.empty() for a server without authentication)");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (!("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme())) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL with a host, got " + baseUrl);
        }
        // An empty environment variable arrives as "" and would send "Bearer " to the server.
        if (apiKey.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("apiKey is blank: pass Optional.empty() for a server without authentication");
        }
        if (remoteModel == null || remoteModel.isBlank()) {
            throw new IllegalArgumentException("remoteModel must be named");
        }
        if (!positive(requestTimeout) || !positive(initialBackoff)) {
            throw new IllegalArgumentException("requestTimeout and initialBackoff must be positive");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is shorter than initialBackoff " + initialBackoff);
        }
        if (maxRetries < 0 || maxConcurrency < 1) {
            throw new IllegalArgumentException("maxRetries must be >= 0 and maxConcurrency >= 1, got "
                    + maxRetries + " and " + maxConcurrency);
        }
    }

    /** The chat-completions resource under {@code baseUrl}. */
    public URI chatCompletions() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions");
    }

    /** Names everything but the key, so an endpoint can be logged. */
    @Override
    public String toString() {
        return "OpenAiEndpoint[" + chatCompletions() + ", model " + remoteModel + ", key "
                + (apiKey.isPresent() ? "set" : "none") + ", timeout " + requestTimeout + ", " + maxRetries
                + " retries from " + initialBackoff + " to " + maxBackoff + ", " + maxConcurrency + " at once]";
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
