package io.complexitynet.verifier.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.complexitynet.verifier.domain.InvalidRequestException;
import io.complexitynet.verifier.domain.QueueFullException;
import io.complexitynet.verifier.domain.VerifierUnavailableException;
import io.grpc.Status;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.junit.jupiter.api.Test;

class GrpcErrorsTest {

    @Test
    void aFullQueueIsResourceExhaustedWithTheReason() {
        Status status = GrpcErrors.status(new QueueFullException(8, 2, 256), "b");
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, status.getCode());
        assertEquals("verification queue is full: batch needs 8 slots, 2 of 256 are free; retry later", status.getDescription());
    }

    @Test
    void aBadFieldIsInvalidArgument() {
        assertEquals(Status.Code.INVALID_ARGUMENT,
                GrpcErrors.status(new InvalidRequestException("candidates", "the batch is empty"), "b").getCode());
    }

    @Test
    void shuttingDownIsUnavailable() {
        assertEquals(Status.Code.UNAVAILABLE, GrpcErrors.status(new VerifierUnavailableException("shutting down"), "b").getCode());
    }

    @Test
    void noTokenIsUnauthenticated() {
        assertEquals(Status.Code.UNAUTHENTICATED, GrpcErrors.status(new UnauthorizedException(), "b").getCode());
    }

    @Test
    void aTokenWithoutTheRoleIsPermissionDeniedNamingIt() {
        Status status = GrpcErrors.status(new ForbiddenException(), "b");
        assertEquals(Status.Code.PERMISSION_DENIED, status.getCode());
        assertEquals("the complexitynet.v1.Verifier API needs the role verifier-caller, which this token does not carry",
                status.getDescription());
    }

    @Test
    void anythingElseIsInternalNamingTheBatchWithoutATrace() {
        Status status = GrpcErrors.status(new IllegalStateException("secret detail"), "batch-7");
        assertEquals(Status.Code.INTERNAL, status.getCode());
        assertEquals("internal error judging batch batch-7; see the verifier's logs", status.getDescription());
    }
}
