package io.complexitynet.verifier.domain;

/** The verifier cannot judge right now (shutting down, or its judge or sandbox is broken). */
public class VerifierUnavailableException extends VerifierException {
    public VerifierUnavailableException(String message) {
        super(message);
    }
}
