package io.complexitynet.verifier.grpc;

import io.complexitynet.verifier.domain.InvalidRequestException;
import io.complexitynet.verifier.domain.QueueFullException;
import io.complexitynet.verifier.domain.VerifierException;
import io.grpc.Status;

/** The one place the verifier's failures become gRPC status codes. */
final class GrpcErrors {

    private GrpcErrors() {
    }

    static Status status(VerifierException e) {
        Status status;
        if (e instanceof InvalidRequestException) {
            status = Status.INVALID_ARGUMENT;
        } else if (e instanceof QueueFullException) {
            status = Status.RESOURCE_EXHAUSTED;
        } else {
            status = Status.UNAVAILABLE;
        }
        return status.withDescription(e.getMessage());
    }
}
