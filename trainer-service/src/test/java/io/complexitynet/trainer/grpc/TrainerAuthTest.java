package io.complexitynet.trainer.grpc;

import static io.complexitynet.auth.testing.Refusal.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.auth.testing.Bearer;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.proto.v1.ListModelsRequest;
import io.complexitynet.proto.v1.RetryTrainingJobRequest;
import io.complexitynet.proto.v1.TrainerGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Trainer API against the real Keycloak: only trainer-admin tokens get in, and refusals say why. */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
class TrainerAuthTest {

    // A channel of its own: the injected client of the other tests sends admin-ops's token with every call.
    @TestHTTPResource
    URL trainerUrl;

    private ManagedChannel channel;
    private TrainerGrpc.TrainerBlockingStub trainer;

    @BeforeEach
    void connect() {
        channel = Bearer.channelTo(trainerUrl);
        trainer = TrainerGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    private TrainerGrpc.TrainerBlockingStub as(String token) {
        return trainer.withInterceptors(Bearer.token(token));
    }

    @Test
    void anAdminIsLetInAndEveryoneElseIsToldWhy() {
        as(KeycloakRealm.passwordToken(KeycloakRealm.ADMIN_OPS)).listModels(ListModelsRequest.getDefaultInstance());

        StatusRuntimeException none = assertThrows(StatusRuntimeException.class,
                () -> trainer.listModels(ListModelsRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAUTHENTICATED, none.getStatus().getCode());
        assertEquals("no bearer token: send the metadata 'authorization: Bearer <access token>'", none.getStatus().getDescription());

        // alice's token is meant for the router only (router-user), the router's own for the verifier only.
        for (String otherServicesToken : List.of(KeycloakRealm.passwordToken(KeycloakRealm.ALICE),
                KeycloakRealm.clientCredentialsToken(KeycloakRealm.ROUTER_SERVICE_CLIENT, KeycloakRealm.ROUTER_SERVICE_SECRET))) {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                    () -> as(otherServicesToken).listModels(ListModelsRequest.getDefaultInstance()));
            assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
            assertEquals("the bearer token is not issued for this service's audience", refused.getStatus().getDescription());
        }

        StatusRuntimeException unlisted = assertThrows(StatusRuntimeException.class,
                () -> as(KeycloakRealm.unlistedClientToken(KeycloakRealm.ADMIN_OPS)).listModels(ListModelsRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAUTHENTICATED, unlisted.getStatus().getCode());
        assertTrue(unlisted.getStatus().getDescription().startsWith("the bearer token was issued to client 'unlisted-app'"),
                unlisted.getStatus().getDescription());

        String forged = KeycloakRealm.forgedToken(KeycloakRealm.passwordToken(KeycloakRealm.ADMIN_OPS));
        StatusRuntimeException rejected = assertThrows(StatusRuntimeException.class,
                () -> as(forged).listModels(ListModelsRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAUTHENTICATED, rejected.getStatus().getCode());
        assertEquals("the bearer token has a signature that does not verify against the issuer's keys",
                rejected.getStatus().getDescription());
    }

    @Test
    void retryingAJobNeedsAToken() {
        assertRefused(Status.Code.UNAUTHENTICATED, "no bearer token: send the metadata 'authorization: Bearer <access token>'",
                () -> trainer.retryJob(RetryTrainingJobRequest.newBuilder().setJobId("no-such-job").build()));
    }
}
