package io.complexitynet.auth;

import io.complexitynet.service.transport.ListenAddress;
import java.util.Optional;

/**
 * Whether a service may start with bearer-token checks off. Off means anyone who reaches the port may call
 * every API (import data, promote models, run code through Verify), so it is allowed only where nobody else
 * can reach it, the embedded mode on a loopback address, or where an operator wrote the acknowledgement
 * phrase on purpose. Anything else refuses to start: a forgotten environment variable must not open a deployment.
 */
public final class AuthOffPolicy {

    /** The value {@code complexitynet.auth.off-acknowledgement} must have; a boolean would be too easy to set by accident. */
    public static final String ACKNOWLEDGEMENT = "every-caller-is-trusted";

    /** How the service starts, or why it does not. */
    public enum Outcome {
        AUTH_ON, OFF_ON_LOOPBACK, OFF_ACKNOWLEDGED, REFUSED
    }

    public record Decision(Outcome outcome, String reason) {
    }

    private AuthOffPolicy() {
    }

    /**
     * @param offOnLoopback whether this process may run with auth off while it listens on loopback only (the embedded mode)
     * @param host the address the HTTP server (which also serves gRPC) binds
     */
    public static Decision decide(boolean authEnabled, boolean offOnLoopback, String host, Optional<String> acknowledgement) {
        if (authEnabled) {
            return new Decision(Outcome.AUTH_ON, "bearer tokens checked on every gRPC call");
        }
        if (acknowledgement.isPresent()) {
            if (ACKNOWLEDGEMENT.equals(acknowledgement.get().strip())) {
                return new Decision(Outcome.OFF_ACKNOWLEDGED, "auth off on " + host + ", acknowledged by complexitynet.auth.off-acknowledgement");
            }
            return new Decision(Outcome.REFUSED, "complexitynet.auth.off-acknowledgement is set but is not '" + ACKNOWLEDGEMENT
                    + "'; refusing to start with auth off");
        }
        if (!offOnLoopback) {
            return new Decision(Outcome.REFUSED, "complexitynet.auth.enabled=false in a deployed service: every caller could call every"
                    + " API. Turn auth on, or set complexitynet.auth.off-acknowledgement=" + ACKNOWLEDGEMENT + " if that is really meant");
        }
        if (!ListenAddress.isLoopback(host)) {
            return new Decision(Outcome.REFUSED, "auth is off and the server would listen on " + host + ", reachable from other machines;"
                    + " bind quarkus.http.host=127.0.0.1, turn auth on, or set complexitynet.auth.off-acknowledgement=" + ACKNOWLEDGEMENT);
        }
        return new Decision(Outcome.OFF_ON_LOOPBACK, "auth off, listening on loopback " + host + " only");
    }
}
