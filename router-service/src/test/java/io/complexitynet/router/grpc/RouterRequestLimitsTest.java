package io.complexitynet.router.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.auth.testing.Bearer;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.proto.v1.ClassifyRequest;
import io.complexitynet.proto.v1.RouteRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Requests beyond the router's limits are refused before any model or sandbox is asked, naming the limit. */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
class RouterRequestLimitsTest extends RouterAsTenants {

    private StatusRuntimeException refusal(RouteRequest request) {
        ManagedChannel channel = Bearer.channelTo(routerUrl);
        try {
            return assertThrows(StatusRuntimeException.class, () -> as(channel, KeycloakRealm.ALICE).route(request));
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void fieldsBeyondTheirLimitsAreInvalidArguments() {
        StatusRuntimeException prompt = refusal(RouteRequest.newBuilder().setPrompt("p".repeat(32_001)).build());
        assertEquals(Status.Code.INVALID_ARGUMENT, prompt.getStatus().getCode());
        assertEquals("prompt: is 32001 characters; at most 32000 are allowed", prompt.getStatus().getDescription());

        StatusRuntimeException tests = refusal(RouteRequest.newBuilder().setPrompt("Add two numbers.")
                .addAllTests(Collections.nCopies(65, "assert add(1, 2) == 3")).build());
        assertEquals(Status.Code.INVALID_ARGUMENT, tests.getStatus().getCode());
        assertTrue(tests.getStatus().getDescription().startsWith("tests: has 65 statements"), tests.getStatus().getDescription());

        ManagedChannel channel = Bearer.channelTo(routerUrl);
        try {
            StatusRuntimeException classify = assertThrows(StatusRuntimeException.class, () -> as(channel, KeycloakRealm.ALICE)
                    .classify(ClassifyRequest.newBuilder().setPrompt("p".repeat(32_001)).build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, classify.getStatus().getCode());
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void aMessageBeyondTheServersMaximumIsNotRead() {
        StatusRuntimeException tooLarge = refusal(RouteRequest.newBuilder().setPrompt("p".repeat(2 * 1024 * 1024)).build());
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, tooLarge.getStatus().getCode(), String.valueOf(tooLarge.getStatus()));
    }
}
