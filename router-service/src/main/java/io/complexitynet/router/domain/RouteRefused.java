package io.complexitynet.router.domain;

/** A request the router will not serve; the kind says which gRPC status, the message says why. */
public final class RouteRefused extends RuntimeException {

    public enum Kind {
        /** A request field is wrong. */
        INVALID_ARGUMENT,
        /** The tenant may not do this (a model above its maximum, another tenant's data). */
        PERMISSION_DENIED,
        /** The tenant's budget for the period is spent. */
        BUDGET_EXHAUSTED,
        /** Nothing the caller can fix now: no classifier promoted yet, no model left to try. */
        UNAVAILABLE
    }

    private final Kind kind;

    public RouteRefused(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
