package io.complexitynet.verifier.domain;

/** The verifier's queue cannot take the batch now; the caller should retry later. */
public class QueueFullException extends VerifierException {
    public QueueFullException(int requested, int free, int capacity) {
        super("verification queue is full: batch needs " + requested + " slots, " + free
                + " of " + capacity + " are free; retry later");
    }
}
