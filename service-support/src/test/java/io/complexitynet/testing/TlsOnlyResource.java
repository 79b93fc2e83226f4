package io.complexitynet.testing;

import io.complexitynet.core.testing.TestCertificates;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Makes the service under test serve TLS only, on {@link #PORT}, with certificates issued for this run: the
 * configuration the Kubernetes manifests give every service, as properties rather than environment variables.
 */
public class TlsOnlyResource implements QuarkusTestResourceLifecycleManager {

    public static final int PORT = 18443;
    private static TestCertificates certificates;

    public static TestCertificates certificates() {
        return certificates;
    }

    @Override
    public Map<String, String> start() {
        certificates = TestCertificates.issue(Path.of("target", "tls-only"));
        return Map.of("quarkus.tls.key-store.pem.0.cert", certificates.certificate().toString(),
                "quarkus.tls.key-store.pem.0.key", certificates.key().toString(),
                "quarkus.http.insecure-requests", "disabled",
                "quarkus.http.test-ssl-port", Integer.toString(PORT));
    }

    @Override
    public void stop() {
        // The files stay under target/ for a look after the run.
    }
}
