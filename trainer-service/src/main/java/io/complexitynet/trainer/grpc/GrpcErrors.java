package io.complexitynet.trainer.grpc;

import io.complexitynet.auth.AuthFailures;
import io.complexitynet.proto.v1.TrainerGrpc;
import io.complexitynet.trainer.workflow.TrainerException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The one place the trainer's failures become gRPC statuses, auth failures included; anything unexpected is INTERNAL without a trace. */
final class GrpcErrors {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    static StatusRuntimeException toStatus(Throwable error) {
        Status status;
        if (error instanceof TrainerException.InvalidRequest) {
            status = Status.INVALID_ARGUMENT;
        } else if (error instanceof TrainerException.NotFound) {
            status = Status.NOT_FOUND;
        } else if (error instanceof TrainerException.WrongState) {
            status = Status.FAILED_PRECONDITION;
        } else if (error instanceof TrainerException.Unavailable) {
            status = Status.UNAVAILABLE;
        } else if (AuthFailures.isAuthFailure(error)) {
            return AuthFailures.status(error, TrainerGrpc.SERVICE_NAME, Optional.of(TrainerGrpcService.ADMIN_ROLE)).asRuntimeException();
        } else {
            LOG.error("unexpected failure in the Trainer API", error);
            return Status.INTERNAL.withDescription("internal error; see the trainer's logs").asRuntimeException();
        }
        return status.withDescription(error.getMessage()).asRuntimeException();
    }
}
