package io.complexitynet.verifier.grpc;

import io.complexitynet.auth.AuthFailures;
import io.complexitynet.proto.v1.VerifierGrpc;
import io.complexitynet.verifier.domain.InvalidRequestException;
import io.complexitynet.verifier.domain.QueueFullException;
import io.complexitynet.verifier.domain.VerifierException;
import io.grpc.Status;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The one place the verifier's failures become gRPC status codes, authentication and authorization failures
 * included; anything unexpected is INTERNAL without a trace.
 */
final class GrpcErrors {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    static Status status(Throwable error, String batchId) {
        if (error instanceof InvalidRequestException) {
            return Status.INVALID_ARGUMENT.withDescription(error.getMessage());
        } else if (error instanceof QueueFullException) {
            return Status.RESOURCE_EXHAUSTED.withDescription(error.getMessage());
        } else if (error instanceof VerifierException) {
            return Status.UNAVAILABLE.withDescription(error.getMessage());
        } else if (AuthFailures.isAuthFailure(error)) {
            return AuthFailures.status(error, VerifierGrpc.SERVICE_NAME, Optional.of(VerifierGrpcService.CALLER_ROLE));
        }
        LOG.errorf(error, "batch_id=%s failed unexpectedly", batchId);
        return Status.INTERNAL.withDescription("internal error judging batch " + batchId + "; see the verifier's logs");
    }
}
