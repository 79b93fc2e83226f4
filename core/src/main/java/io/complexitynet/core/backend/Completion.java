package io.complexitynet.core.backend;

import java.time.Duration;
import java.util.Objects;

/**
 * A model's answer to a task: {@code code} is the Python to verify, {@code rawText} the reply as
 * the model wrote it, with token counts as the endpoint reported them and the time it took.
 */
public record Completion(String code, String rawText, int promptTokens, int completionTokens, Duration latency) {

    public Completion {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(rawText, "rawText");
        Objects.requireNonNull(latency, "latency");
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0, got " + promptTokens + " and " + completionTokens);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must be >= 0, got " + latency);
        }
    }
}
