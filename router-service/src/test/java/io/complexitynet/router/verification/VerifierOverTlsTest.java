package io.complexitynet.router.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.testing.ServiceProcess;
import io.complexitynet.core.testing.TestCertificates;
import io.complexitynet.router.domain.Cascade;
import io.complexitynet.testing.VerifierResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The router calls a verifier that serves TLS only, as in the cluster, trusting the issuer of its certificate. */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@TestProfile(VerifierOverTlsTest.TlsVerifier.class)
class VerifierOverTlsTest {

    private static final int PORT = 18094;

    public static class TlsVerifier implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TlsOnlyVerifier.class));
        }
    }

    /** The packaged verifier, TLS only; the router's verifier client configured as the manifests configure it. */
    public static class TlsOnlyVerifier extends VerifierResource {

        private TestCertificates certificates;

        @Override
        protected ServiceProcess process() {
            certificates = TestCertificates.issue(Path.of("target", "verifier-tls"));
            return new ServiceProcess("verifier-tls", "verifier-service", PORT, Map.of()).overTls(certificates);
        }

        @Override
        protected Map<String, String> clientConfiguration() {
            return Map.of("quarkus.grpc.clients.verifier.test-port", Integer.toString(PORT),
                    "quarkus.grpc.clients.verifier.plain-text", "false",
                    "quarkus.grpc.clients.verifier.tls-configuration-name", "verifier",
                    "quarkus.tls.verifier.trust-store.pem.certs", certificates.authority().toString());
        }
    }

    @Inject
    VerifierClient verifier;

    @Test
    void aCandidateIsJudgedOverTls() {
        Cascade.Checked checked = verifier.checker("tls", "", List.of("assert add(1, 2) == 3"), List.of())
                .check("def add(a, b):\n    return a + b\n");
        assertEquals("PASSED", checked.verdict());
    }
}
