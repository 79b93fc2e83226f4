package io.complexitynet.core.backend;

import java.util.function.Consumer;

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

    /**
     * As {@link #complete(CompletionRequest)}, handing {@code delta} each piece of the reply as the model writes it. A
     * backend that cannot stream hands it the whole reply at once; one that fails after a piece went out is not retried
     * (what was handed on cannot be taken back).
     */
    default Completion complete(CompletionRequest request, Consumer<String> delta) {
        Completion completion = complete(request);
        delta.accept(completion.rawText());
        return completion;
    }
}
