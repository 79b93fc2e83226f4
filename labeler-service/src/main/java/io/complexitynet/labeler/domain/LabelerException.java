package io.complexitynet.labeler.domain;

/** A failure the caller can act on; each kind maps to one gRPC status. */
public abstract class LabelerException extends RuntimeException {

    protected LabelerException(String message) {
        super(message);
    }

    /** A request field is wrong: the message names it. */
    public static final class InvalidRequest extends LabelerException {
        public InvalidRequest(String field, String problem) {
            super(field + ": " + problem);
        }
    }

    public static final class NotFound extends LabelerException {
        public NotFound(String message) {
            super(message);
        }
    }

    public static final class AlreadyExists extends LabelerException {
        public AlreadyExists(String message) {
            super(message);
        }
    }

    /** A valid request for something in the wrong state, e.g. cancelling a finished job. */
    public static final class WrongState extends LabelerException {
        public WrongState(String message) {
            super(message);
        }
    }
}
