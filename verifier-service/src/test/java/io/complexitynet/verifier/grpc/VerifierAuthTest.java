package io.complexitynet.verifier.grpc;

import static io.complexitynet.auth.testing.Refusal.assertRefused;
import static io.complexitynet.verifier.grpc.VerifierClient.candidate;
import static io.restassured.RestAssured.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.auth.testing.Bearer;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.proto.v1.Verdict;
import io.complexitynet.proto.v1.VerifierGrpc;
import io.complexitynet.proto.v1.VerifyRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every Verifier call needs a valid realm token with role verifier-caller, which the router's service account holds; probes need none. */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
class VerifierAuthTest {

    private static final VerifyRequest ADD = VerifyRequest.newBuilder().setBatchId("auth")
            .addCandidates(candidate("add", "def add(a, b):\n    return a + b\n", "assert add(1, 2) == 3")).build();
    private static final String NOT_FOR_THIS_SERVICE = "the bearer token is not issued for this service's audience";

    // A channel of its own: the injected client of the other tests sends the router's token with every call.
    @TestHTTPResource
    URL verifierUrl;

    private ManagedChannel channel;

    @BeforeEach
    void connect() {
        channel = Bearer.channelTo(verifierUrl);
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    private VerifierGrpc.VerifierBlockingStub anonymous() {
        return VerifierGrpc.newBlockingStub(channel);
    }

    private VerifierGrpc.VerifierBlockingStub bearing(String token) {
        return anonymous().withInterceptors(Bearer.token(token));
    }

    @Test
    void theRoutersServiceAccountTokenIsServed() {
        String token = KeycloakRealm.clientCredentialsToken(KeycloakRealm.ROUTER_SERVICE_CLIENT, KeycloakRealm.ROUTER_SERVICE_SECRET);
        assertEquals(Verdict.VERDICT_PASSED, bearing(token).verify(ADD).getResults(0).getVerdict());
    }

    @Test
    void aCallWithoutATokenIsUnauthenticated() {
        assertRefused(Status.Code.UNAUTHENTICATED, "no bearer token: send the metadata 'authorization: Bearer <access token>'",
                () -> anonymous().verify(ADD));
    }

    @Test
    void aForgedTokenIsUnauthenticated() {
        String forged = KeycloakRealm.forgedToken(
                KeycloakRealm.clientCredentialsToken(KeycloakRealm.ROUTER_SERVICE_CLIENT, KeycloakRealm.ROUTER_SERVICE_SECRET));
        assertRefused(Status.Code.UNAUTHENTICATED, "the bearer token has a signature that does not verify against the issuer's keys",
                () -> bearing(forged).verify(ADD));
    }

    @Test
    void tokensMeantForOtherServicesAreUnauthenticated() {
        // alice may route (router-user), admin-ops may also run jobs: their tokens are not meant for the verifier.
        assertRefused(Status.Code.UNAUTHENTICATED, NOT_FOR_THIS_SERVICE, () -> bearing(KeycloakRealm.passwordToken(KeycloakRealm.ALICE)).verify(ADD));
        assertRefused(Status.Code.UNAUTHENTICATED, NOT_FOR_THIS_SERVICE,
                () -> bearing(KeycloakRealm.passwordToken(KeycloakRealm.ADMIN_OPS)).verify(ADD));
    }

    @Test
    void theVerifiersRoleInATokenNotObtainedByTheRouterIsUnauthenticated() {
        // mallory holds verifier-caller by mistake; people's CLI cannot ask for it, and the client that can is not the router.
        assertRefused(Status.Code.UNAUTHENTICATED, NOT_FOR_THIS_SERVICE, () -> bearing(KeycloakRealm.passwordToken(KeycloakRealm.MALLORY)).verify(ADD));
        String token = KeycloakRealm.unlistedClientToken(KeycloakRealm.MALLORY);
        assertEquals(KeycloakRealm.VERIFIER_SERVICE_CLIENT, KeycloakRealm.claims(token).path("aud").asText(), "a token for the verifier's audience");
        assertRefused(Status.Code.UNAUTHENTICATED, "the bearer token was issued to client 'unlisted-app', which this service does not accept (complexitynet.auth.accepted-clients)",
                () -> bearing(token).verify(ADD));
    }

    @Test
    void reflectionNeedsNoToken() throws Exception {
        CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel).serverReflectionInfo(new StreamObserver<>() {
            @Override
            public void onNext(ServerReflectionResponse response) {
                answer.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                answer.completeExceptionally(error);
            }

            @Override
            public void onCompleted() {
            }
        });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        requests.onCompleted();
        List<String> services = answer.get(10, TimeUnit.SECONDS).getListServicesResponse().getServiceList().stream()
                .map(ServiceResponse::getName).toList();
        assertTrue(services.contains("complexitynet.v1.Verifier"), services::toString);
    }

    @Test
    void healthAndMetricsNeedNoToken() {
        when().get("/q/health/ready").then().statusCode(200);
        when().get("/q/metrics").then().statusCode(200);
    }
}
