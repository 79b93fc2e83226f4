package io.complexitynet.auth.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.function.Executable;

/** What a refused gRPC call must give its caller: the status code and the exact sentence of {@code AuthFailures}. */
public final class Refusal {

    private Refusal() {
    }

    public static void assertRefused(Status.Code code, String description, Executable call) {
        Status status = assertThrows(StatusRuntimeException.class, call).getStatus();
        assertEquals(code, status.getCode(), status::toString);
        assertEquals(description, status.getDescription());
    }
}
