package io.complexitynet.verifier.domain;

import io.complexitynet.core.refusal.RequestRefused;

/** A request the verifier will not run; the message names the offending field, however deep in the request. */
public class InvalidRequestException extends RequestRefused {

    private final String field;
    private final String problem;

    public InvalidRequestException(String field, String problem) {
        super(Kind.INVALID_ARGUMENT, field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The same problem, its field named from an enclosing message, e.g. {@code candidates[2]}. */
    public InvalidRequestException within(String parent) {
        return new InvalidRequestException(parent + "." + field, problem);
    }
}
