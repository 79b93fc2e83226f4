package io.complexitynet.trainer.workflow;

/** A failure the caller can act on; each kind maps to one gRPC status. */
public abstract class TrainerException extends RuntimeException {

    protected TrainerException(String message) {
        super(message);
    }

    /** A request field is wrong: the message names it. */
    public static final class InvalidRequest extends TrainerException {
        public InvalidRequest(String field, String problem) {
            super(field + ": " + problem);
        }
    }

    public static final class NotFound extends TrainerException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** A valid request the current state refuses, e.g. promoting a model the promotion policy rejects. */
    public static final class WrongState extends TrainerException {
        public WrongState(String message) {
            super(message);
        }
    }

    /** The broker could not take the work; nothing was lost, the caller may retry. */
    public static final class Unavailable extends TrainerException {
        public Unavailable(String message) {
            super(message);
        }
    }
}
