package io.complexitynet.labeler.grpc;

import static io.complexitynet.auth.testing.Refusal.assertRefused;

import io.complexitynet.auth.testing.Bearer;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.proto.v1.LabelerGrpc;
import io.complexitynet.proto.v1.RetryParkedRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A valid token for the labeler without the role labeler-admin is PERMISSION_DENIED, RetryParked included. The realm
 * gives a token the labeler's audience only with a labeler role, so such a token comes from reading roles elsewhere.
 */
@QuarkusTest
@TestProfile(LabelerRoleTest.RolesReadFromTheRoutersClaim.class)
@QuarkusTestResource(KeycloakResource.class)
class LabelerRoleTest {

    /** Reads a token's roles where the router's are: admin-ops's token then carries router-user and tenant-admin only. */
    public static class RolesReadFromTheRoutersClaim implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.roles.role-claim-path", "resource_access/router-service/roles");
        }
    }

    @TestHTTPResource
    URL labelerUrl;

    private ManagedChannel channel;

    @BeforeEach
    void connect() {
        channel = Bearer.channelTo(labelerUrl);
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    @Test
    void retryParkedWithoutTheLabelerRoleIsPermissionDenied() {
        LabelerGrpc.LabelerBlockingStub withoutTheRole = LabelerGrpc.newBlockingStub(channel)
                .withInterceptors(Bearer.token(KeycloakRealm.passwordToken(KeycloakRealm.ADMIN_OPS)));
        assertRefused(Status.Code.PERMISSION_DENIED, "the complexitynet.v1.Labeler API needs the role labeler-admin, which this token"
                + " does not carry", () -> withoutTheRole.retryParked(RetryParkedRequest.newBuilder().setJobId("no-such-job").build()));
    }
}
