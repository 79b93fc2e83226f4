package io.complexitynet.verifier.domain;

/** A request the verifier will not run; the message names the offending field. */
public class InvalidRequestException extends VerifierException {

    private final String field;
    private final String problem;

    public InvalidRequestException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The same problem, its field named from an enclosing message, e.g. {@code candidates[2]}. */
    public InvalidRequestException within(String parent) {
        return new InvalidRequestException(parent + "." + field, problem);
    }
}
