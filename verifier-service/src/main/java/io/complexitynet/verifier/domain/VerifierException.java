package io.complexitynet.verifier.domain;

/** A batch the verifier did not judge; subclasses say why. Never carries candidate code. */
public abstract class VerifierException extends RuntimeException {
    protected VerifierException(String message) {
        super(message);
    }
}
