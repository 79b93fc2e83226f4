package io.complexitynet.labeler.grpc;

import io.complexitynet.auth.AuthFailures;
import io.complexitynet.labeler.domain.LabelerException;
import io.complexitynet.proto.v1.LabelerGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The one place the labeler's failures become gRPC statuses, authentication and authorization failures
 * included; anything unexpected is INTERNAL without a trace.
 */
final class GrpcErrors {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    static StatusRuntimeException toStatus(Throwable error) {
        Status status;
        if (error instanceof LabelerException.InvalidRequest) {
            status = Status.INVALID_ARGUMENT;
        } else if (error instanceof LabelerException.NotFound) {
            status = Status.NOT_FOUND;
        } else if (error instanceof LabelerException.AlreadyExists) {
            status = Status.ALREADY_EXISTS;
        } else if (error instanceof LabelerException.WrongState) {
            status = Status.FAILED_PRECONDITION;
        } else if (AuthFailures.isAuthFailure(error)) {
            return AuthFailures.status(error, LabelerGrpc.SERVICE_NAME, Optional.of(LabelerGrpcService.ADMIN_ROLE)).asRuntimeException();
        } else {
            LOG.error("unexpected failure in the Labeler API", error);
            return Status.INTERNAL.withDescription("internal error; see the labeler's logs").asRuntimeException();
        }
        return status.withDescription(error.getMessage()).asRuntimeException();
    }
}
