package io.complexitynet.service.transport;

import java.util.Optional;

/**
 * Whether a service may serve gRPC (and the bearer tokens on every call) without TLS. Plaintext is allowed on a
 * loopback address, where nobody else can listen in, or where an operator wrote the acknowledgement phrase on
 * purpose (TLS ended by a mesh sidecar in the same pod, say). Anything else refuses to start: a service that
 * reaches the network without its certificate must not quietly hand out tokens in clear.
 */
public final class PlaintextPolicy {

    /** The value {@code complexitynet.transport.plaintext-acknowledgement} must have. */
    public static final String ACKNOWLEDGEMENT = "tokens-may-travel-in-clear";

    /** How the service listens, or why it does not start. */
    public enum Outcome {
        TLS_ONLY, PLAINTEXT_ON_LOOPBACK, PLAINTEXT_ACKNOWLEDGED, REFUSED
    }

    public record Decision(Outcome outcome, String reason) {

        /** Whether the server answers without TLS. */
        public boolean plaintext() {
            return outcome == Outcome.PLAINTEXT_ON_LOOPBACK || outcome == Outcome.PLAINTEXT_ACKNOWLEDGED;
        }
    }

    private PlaintextPolicy() {
    }

    /**
     * @param host the address the HTTP server (which also serves gRPC) binds
     * @param insecureRequests {@code quarkus.http.insecure-requests}: {@code disabled} opens the TLS port only
     */
    public static Decision decide(String host, String insecureRequests, Optional<String> acknowledgement) {
        if ("disabled".equalsIgnoreCase(insecureRequests.strip())) {
            return new Decision(Outcome.TLS_ONLY, "gRPC over TLS only on " + host);
        }
        if (acknowledgement.isPresent()) {
            if (ACKNOWLEDGEMENT.equals(acknowledgement.get().strip())) {
                return new Decision(Outcome.PLAINTEXT_ACKNOWLEDGED, "plaintext gRPC on " + host
                        + ", acknowledged by complexitynet.transport.plaintext-acknowledgement");
            }
            return new Decision(Outcome.REFUSED, "complexitynet.transport.plaintext-acknowledgement is set but is not '" + ACKNOWLEDGEMENT
                    + "'; refusing to serve plaintext on " + host);
        }
        if (ListenAddress.isLoopback(host)) {
            return new Decision(Outcome.PLAINTEXT_ON_LOOPBACK, "plaintext gRPC on loopback " + host + " only");
        }
        return new Decision(Outcome.REFUSED, "the server would serve gRPC without TLS on " + host
                + ", so bearer tokens would cross the network in clear: give it a certificate (quarkus.tls.key-store.pem.0.cert and .key,"
                + " quarkus.http.insecure-requests=disabled), bind quarkus.http.host=127.0.0.1, or set"
                + " complexitynet.transport.plaintext-acknowledgement=" + ACKNOWLEDGEMENT + " if TLS ends in front of it");
    }
}
