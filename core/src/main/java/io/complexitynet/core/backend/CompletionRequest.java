package io.complexitynet.core.backend;

import io.complexitynet.core.task.CodeTask;
import java.util.Objects;

/**
 * One completion wanted from one model: {@code model} is the ladder's name for it (e.g.
 * "gpt-4-1106-preview"), {@code sampleIndex} tells repeated samples of the same task apart.
 */
public record CompletionRequest(String model, CodeTask task, int sampleIndex, double temperature, int maxTokens) {

    public CompletionRequest {
        Objects.requireNonNull(task, "task");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must be named");
        }
        if (sampleIndex < 0) {
            throw new IllegalArgumentException("sampleIndex must be >= 0, got " + sampleIndex);
        }
        // The range OpenAI accepts; the others follow it.
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be in [0, 2], got " + temperature);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be >= 1, got " + maxTokens);
        }
    }
}
