package io.complexitynet.model.learning;

/** Stored bytes that are not a complexity model this code can load; the message says what is wrong. */
public final class ModelFormatException extends RuntimeException {

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
