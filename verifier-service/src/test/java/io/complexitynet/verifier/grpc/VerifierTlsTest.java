package io.complexitynet.verifier.grpc;

import static io.complexitynet.verifier.grpc.VerifierClient.candidate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.complexitynet.auth.testing.Bearer;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.proto.v1.Verdict;
import io.complexitynet.proto.v1.VerifierGrpc;
import io.complexitynet.proto.v1.VerifyRequest;
import io.complexitynet.testing.TlsOnlyResource;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** With a certificate, as in the cluster, the verifier answers over TLS only: a plaintext caller or one that does not trust the issuer gets nothing. */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@TestProfile(VerifierTlsTest.TlsOnly.class)
class VerifierTlsTest {

    public static class TlsOnly implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TlsOnlyResource.class));
        }
    }

    private static final VerifyRequest ADD = VerifyRequest.newBuilder().setBatchId("tls")
            .addCandidates(candidate("add", "def add(a, b):\n    return a + b\n", "assert add(1, 2) == 3")).build();

    private static VerifierGrpc.VerifierBlockingStub verifier(ManagedChannel channel) {
        return VerifierGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS).withInterceptors(Bearer.token(
                KeycloakRealm.clientCredentialsToken(KeycloakRealm.ROUTER_SERVICE_CLIENT, KeycloakRealm.ROUTER_SERVICE_SECRET)));
    }

    private static <T> T over(ChannelCredentials credentials, Function<ManagedChannel, T> call) {
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("localhost", TlsOnlyResource.PORT, credentials).build();
        try {
            return call.apply(channel);
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void aCallerTrustingTheIssuerIsServedOverTls() throws IOException {
        ChannelCredentials trusting = TlsChannelCredentials.newBuilder().trustManager(TlsOnlyResource.certificates().authority().toFile()).build();
        assertEquals(Verdict.VERDICT_PASSED, over(trusting, channel -> verifier(channel).verify(ADD)).getResults(0).getVerdict());
    }

    @Test
    void aPlaintextCallerGetsNothing() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> over(InsecureChannelCredentials.create(), channel -> verifier(channel).verify(ADD)));
        assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode(), refused.getStatus().toString());
    }

    @Test
    void aCallerThatDoesNotTrustTheIssuerGetsNothing() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> over(TlsChannelCredentials.create(), channel -> verifier(channel).verify(ADD)));
        assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode(), refused.getStatus().toString());
    }
}
