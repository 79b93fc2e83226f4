package io.complexitynet.core.refusal;

/**
 * A request a service refuses for a reason its caller can act on. The kind says which (each is one
 * gRPC status); the message says what was wrong, in a sentence meant for the caller. Every service
 * throws this one type, so one mapping turns them into statuses.
 */
public class RequestRefused extends RuntimeException {

    /** Why a request is refused. */
    public enum Kind {
        /** A field of the request is wrong; the message names it. */
        INVALID_ARGUMENT,
        /** What the request names does not exist. */
        NOT_FOUND,
        /** What the request would create exists already. */
        ALREADY_EXISTS,
        /** A valid request that the current state refuses, e.g. cancelling a finished job. */
        WRONG_STATE,
        /** A quota or a queue is full: a budget spent, more candidates than the queue holds. */
        EXHAUSTED,
        /** The caller may not do this, whatever its token's roles say elsewhere. */
        PERMISSION_DENIED,
        /** A dependency is down or the service is stopping; nothing was done and the caller may retry. */
        UNAVAILABLE
    }

    private final Kind kind;

    public RequestRefused(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static RequestRefused invalidArgument(String field, String problem) {
        return new RequestRefused(Kind.INVALID_ARGUMENT, field + ": " + problem);
    }

    public static RequestRefused notFound(String message) {
        return new RequestRefused(Kind.NOT_FOUND, message);
    }

    public static RequestRefused alreadyExists(String message) {
        return new RequestRefused(Kind.ALREADY_EXISTS, message);
    }

    public static RequestRefused wrongState(String message) {
        return new RequestRefused(Kind.WRONG_STATE, message);
    }

    public static RequestRefused exhausted(String message) {
        return new RequestRefused(Kind.EXHAUSTED, message);
    }

    public static RequestRefused permissionDenied(String message) {
        return new RequestRefused(Kind.PERMISSION_DENIED, message);
    }

    public static RequestRefused unavailable(String message) {
        return new RequestRefused(Kind.UNAVAILABLE, message);
    }
}
