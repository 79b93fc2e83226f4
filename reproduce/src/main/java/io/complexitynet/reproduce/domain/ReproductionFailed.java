package io.complexitynet.reproduce.domain;

/** The reproduction cannot go on; the message is the one line the user sees, saying what to change. */
public class ReproductionFailed extends RuntimeException {

    public ReproductionFailed(String message) {
        super(message);
    }

    public ReproductionFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
