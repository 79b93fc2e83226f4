package io.complexitynet.verifier.grpc;

import static io.complexitynet.verifier.grpc.VerifierClient.candidate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.complexitynet.auth.testing.AuthDisabled;
import io.complexitynet.auth.testing.Bearer;
import io.complexitynet.proto.v1.Verdict;
import io.complexitynet.proto.v1.VerifierGrpc;
import io.complexitynet.proto.v1.VerifyRequest;
import io.grpc.ManagedChannel;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** complexitynet.auth.enabled=false, as the embedded mode runs it: no token needed, no identity provider either. */
@QuarkusTest
@TestProfile(AuthDisabled.class)
class VerifierAuthDisabledTest {

    @TestHTTPResource
    URL verifierUrl;

    @Test
    void aCallWithoutATokenIsServed() {
        ManagedChannel channel = Bearer.channelTo(verifierUrl);
        try {
            VerifyRequest request = VerifyRequest.newBuilder()
                    .addCandidates(candidate("add", "def add(a, b):\n    return a + b\n", "assert add(1, 2) == 3")).build();
            assertEquals(Verdict.VERDICT_PASSED, VerifierGrpc.newBlockingStub(channel).verify(request).getResults(0).getVerdict());
        } finally {
            channel.shutdownNow();
        }
    }
}
