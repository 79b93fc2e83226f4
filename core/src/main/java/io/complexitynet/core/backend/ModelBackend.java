package io.complexitynet.core.backend;

/**
 * A source of code completions: one model's answer to one task. Implementations are safe to call
 * from many threads at once.
 */
public interface ModelBackend {

    /**
     * Asks the model for one completion of the request's task.
     *
     * @throws BackendException when no completion can be had; {@link BackendException#retryable()}
     *         tells the caller whether the same request may succeed later
     */
    Completion complete(CompletionRequest request);
}
