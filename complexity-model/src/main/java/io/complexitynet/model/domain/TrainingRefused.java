package io.complexitynet.model.domain;

/**
 * The labels and split cannot train a usable model (too few labels, a single class, an empty split);
 * the message says which and why. No model is produced.
 */
public final class TrainingRefused extends RuntimeException {

    public TrainingRefused(String reason) {
        super(reason);
    }
}
