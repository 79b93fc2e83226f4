package io.complexitynet.core.backend;

/**
 * A {@link ModelBackend} could not produce a completion. {@link #retryable()} separates outages
 * that may pass (the endpoint kept failing with 429 or 5xx after every retry) from failures that
 * will recur (a rejected request, a sample that was never recorded).
 */
public final class BackendException extends RuntimeException {

    private final boolean retryable;

    private BackendException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** A failure that may pass: the caller may send the same request again later. */
    public static BackendException temporary(String message, Throwable cause) {
        return new BackendException(message, true, cause);
    }

    /** A failure that the same request will meet again. */
    public static BackendException permanent(String message) {
        return new BackendException(message, false, null);
    }

    /** Whether sending the same request again later may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
