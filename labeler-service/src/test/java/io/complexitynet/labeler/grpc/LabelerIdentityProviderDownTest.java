package io.complexitynet.labeler.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.complexitynet.auth.testing.AdminToken;
import io.complexitynet.proto.v1.GetJobRequest;
import io.complexitynet.proto.v1.LabelerGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An identity provider that does not answer: the labeler still starts, and calls are UNAVAILABLE, not the caller's fault. */
@QuarkusTest
@TestProfile(LabelerIdentityProviderDownTest.Unreachable.class)
class LabelerIdentityProviderDownTest {

    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:1/realms/complexitynet");
        }
    }

    @TestHTTPResource
    URL labelerUrl;

    @Test
    void aValidTokenThatCannotBeCheckedIsUnavailable() {
        ManagedChannel channel = ManagedChannelBuilder.forAddress(labelerUrl.getHost(), labelerUrl.getPort()).usePlaintext().build();
        try {
            LabelerGrpc.LabelerBlockingStub labeler = LabelerGrpc.newBlockingStub(channel).withInterceptors(new AdminToken());
            Status status = assertThrows(StatusRuntimeException.class,
                    () -> labeler.getJob(GetJobRequest.newBuilder().setJobId("any").build())).getStatus();
            assertEquals(Status.Code.UNAVAILABLE, status.getCode(), status::toString);
            assertEquals("the identity provider cannot be reached to check the bearer token; retry later", status.getDescription());
        } finally {
            channel.shutdownNow();
        }
    }
}
