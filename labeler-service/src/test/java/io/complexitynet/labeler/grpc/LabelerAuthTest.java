package io.complexitynet.labeler.grpc;

import static io.complexitynet.auth.testing.Refusal.assertRefused;
import static io.restassured.RestAssured.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.auth.testing.Bearer;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.testing.MbppSlices;
import io.complexitynet.testing.VerifierResource;
import io.complexitynet.proto.v1.ExportLabelsRequest;
import io.complexitynet.proto.v1.GetJobRequest;
import io.complexitynet.proto.v1.ImportDatasetRequest;
import io.complexitynet.proto.v1.LabelerGrpc;
import io.complexitynet.proto.v1.LabelingJob;
import io.complexitynet.proto.v1.RetryParkedRequest;
import io.complexitynet.proto.v1.StartLabelingRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every Labeler call needs a valid realm token with role labeler-admin; probes need none. */
@QuarkusTest
@QuarkusTestResource(VerifierResource.class)
@QuarkusTestResource(KeycloakResource.class)
class LabelerAuthTest {

    private static final GetJobRequest ANY_JOB = GetJobRequest.newBuilder().setJobId("no-such-job").build();
    private static final String NO_TOKEN = "no bearer token: send the metadata 'authorization: Bearer <access token>'";
    private static final String NOT_FOR_THIS_SERVICE = "the bearer token is not issued for this service's audience";
    private static final String BAD_SIGNATURE = "the bearer token has a signature that does not verify against the issuer's keys";

    // A channel of its own: the injected client of the other tests sends admin-ops's token with every call.
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

    private LabelerGrpc.LabelerBlockingStub anonymous() {
        return LabelerGrpc.newBlockingStub(channel);
    }

    private LabelerGrpc.LabelerBlockingStub bearing(String token) {
        return anonymous().withInterceptors(Bearer.token(token));
    }

    private static String adminToken() {
        return KeycloakRealm.passwordToken(KeycloakRealm.ADMIN_OPS);
    }

    @Test
    void anAdminTokenReachesTheApi() {
        assertRefused(Status.Code.NOT_FOUND, "no labelling job no-such-job", () -> bearing(adminToken()).getJob(ANY_JOB));
    }

    @Test
    void aJobIsStartedInTheNameOfTheTokensUserWhateverTheRequestSays() {
        LabelerGrpc.LabelerBlockingStub admin = bearing(adminToken());
        admin.importDataset(ImportDatasetRequest.newBuilder().setName("auth-owner")
                .setPath(MbppSlices.of("auth-owner", Set.of(11, 12)).toString()).build());
        LabelingJob job = admin.startLabeling(StartLabelingRequest.newBuilder().setDataset("auth-owner").setStartedBy("mallory").build());
        assertEquals("admin-ops", job.getStartedBy());
    }

    @Test
    void aCallWithoutATokenIsUnauthenticated() {
        assertRefused(Status.Code.UNAUTHENTICATED, NO_TOKEN, () -> anonymous().getJob(ANY_JOB));
        assertRefused(Status.Code.UNAUTHENTICATED, NO_TOKEN, () -> anonymous().importDataset(
                ImportDatasetRequest.newBuilder().setName("stolen").setPath("/etc/passwd").build()));
        assertRefused(Status.Code.UNAUTHENTICATED, NO_TOKEN,
                () -> anonymous().exportLabels(ExportLabelsRequest.newBuilder().setDataset("mbpp").build()).hasNext());
    }

    @Test
    void retryParkedWithoutATokenIsUnauthenticated() {
        assertRefused(Status.Code.UNAUTHENTICATED, NO_TOKEN,
                () -> anonymous().retryParked(RetryParkedRequest.newBuilder().setJobId("no-such-job").build()));
    }

    @Test
    void anExpiredTokenIsUnauthenticated() throws InterruptedException {
        String token = KeycloakRealm.shortLivedToken(KeycloakRealm.ADMIN_OPS.username(), KeycloakRealm.ADMIN_OPS.password());
        long expiresAtMillis = KeycloakRealm.claims(token).path("exp").asLong() * 1000;
        Thread.sleep(Math.max(0, expiresAtMillis + 1000 - System.currentTimeMillis()));
        assertRefused(Status.Code.UNAUTHENTICATED, "the bearer token has expired; get a new one", () -> bearing(token).getJob(ANY_JOB));
    }

    @Test
    void aTokenForAnotherAudienceIsUnauthenticated() {
        String token = KeycloakRealm.otherAudienceToken(KeycloakRealm.ADMIN_OPS.username(), KeycloakRealm.ADMIN_OPS.password());
        assertRefused(Status.Code.UNAUTHENTICATED, NOT_FOR_THIS_SERVICE, () -> bearing(token).getJob(ANY_JOB));
    }

    @Test
    void aTokenSignedByAnotherKeyIsUnauthenticated() {
        assertRefused(Status.Code.UNAUTHENTICATED, BAD_SIGNATURE, () -> bearing(KeycloakRealm.forgedToken(adminToken())).getJob(ANY_JOB));
    }

    @Test
    void aTokenWithAChangedClaimIsUnauthenticated() {
        String token = KeycloakRealm.tamperedToken(KeycloakRealm.passwordToken(KeycloakRealm.ALICE), "preferred_username", "admin-ops");
        assertRefused(Status.Code.UNAUTHENTICATED, BAD_SIGNATURE, () -> bearing(token).getJob(ANY_JOB));
    }

    @Test
    void somethingThatIsNotAJwtIsUnauthenticated() {
        assertRefused(Status.Code.UNAUTHENTICATED, "the bearer token is not a valid access token of this service's issuer",
                () -> bearing("not-a-jwt").getJob(ANY_JOB));
    }

    @Test
    void tokensMeantForOtherServicesAreUnauthenticated() {
        // alice's token is the router's (router-user), the router's own is the verifier's, carol's is no service's.
        assertRefused(Status.Code.UNAUTHENTICATED, NOT_FOR_THIS_SERVICE,
                () -> bearing(KeycloakRealm.passwordToken(KeycloakRealm.ALICE)).getJob(ANY_JOB));
        assertRefused(Status.Code.UNAUTHENTICATED, NOT_FOR_THIS_SERVICE, () -> bearing(KeycloakRealm.clientCredentialsToken(
                KeycloakRealm.ROUTER_SERVICE_CLIENT, KeycloakRealm.ROUTER_SERVICE_SECRET)).getJob(ANY_JOB));
        assertRefused(Status.Code.UNAUTHENTICATED, NOT_FOR_THIS_SERVICE,
                () -> bearing(KeycloakRealm.passwordToken(KeycloakRealm.CAROL)).getJob(ANY_JOB));
    }

    @Test
    void anAdminsTokenFromAClientThisServiceDoesNotAcceptIsUnauthenticated() {
        assertRefused(Status.Code.UNAUTHENTICATED, "the bearer token was issued to client 'unlisted-app', which this service does not accept (complexitynet.auth.accepted-clients)",
                () -> bearing(KeycloakRealm.unlistedClientToken(KeycloakRealm.ADMIN_OPS)).getJob(ANY_JOB));
    }

    @Test
    void healthAndMetricsNeedNoToken() {
        when().get("/q/health/ready").then().statusCode(200);
        when().get("/q/metrics").then().statusCode(200);
    }
}
