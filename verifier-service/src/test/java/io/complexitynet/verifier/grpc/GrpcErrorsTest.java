package io.complexitynet.verifier.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.complexitynet.verifier.domain.InvalidRequestException;
import io.complexitynet.verifier.domain.QueueFullException;
import io.complexitynet.verifier.domain.VerifierUnavailableException;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

class GrpcErrorsTest {

    @Test
    void aFullQueueIsResourceExhaustedWithTheReason() {
        Status status = GrpcErrors.status(new QueueFullException(8, 2, 256));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, status.getCode());
        assertEquals("verification queue is full: batch needs 8 slots, 2 of 256 are free; retry later", status.getDescription());
    }

    @Test
    void aBadFieldIsInvalidArgument() {
        assertEquals(Status.Code.INVALID_ARGUMENT,
                GrpcErrors.status(new InvalidRequestException("candidates", "the batch is empty")).getCode());
    }

    @Test
    void shuttingDownIsUnavailable() {
        assertEquals(Status.Code.UNAVAILABLE, GrpcErrors.status(new VerifierUnavailableException("shutting down")).getCode());
    }
}
