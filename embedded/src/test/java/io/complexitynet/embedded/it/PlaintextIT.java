package io.complexitynet.embedded.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.testing.ServiceProcess;
import io.complexitynet.core.testing.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens travel with every gRPC call, so a packaged service answers without TLS only on loopback: on a
 * network address it serves TLS only, or refuses to start and says why.
 */
class PlaintextIT {

    private static final int PORT = 18099;
    private static final Map<String, String> EVERY_ADDRESS = Map.of("QUARKUS_HTTP_HOST", "0.0.0.0");

    @Test
    void withoutACertificateAServiceOnANetworkAddressRefusesToStart() throws Exception {
        ServiceProcess refused = new ServiceProcess("plaintext-it-open", "verifier-service", PORT, EVERY_ADDRESS);
        refused.launch();
        assertNotEquals(0, refused.awaitExit(Duration.ofSeconds(90)));
        assertTrue(refused.log().contains("the server would serve gRPC without TLS on 0.0.0.0"), refused.log());
    }

    @Test
    void withACertificateItServesTlsOnlyOnEveryAddress() throws Exception {
        TestCertificates certificates = TestCertificates.issue(Path.of("target", "plaintext-it-tls"));
        try (ServiceProcess verifier = new ServiceProcess("plaintext-it-tls", "verifier-service", PORT, EVERY_ADDRESS)
                .overTls(certificates).start()) {
            HttpClient trusting = HttpClient.newBuilder().sslContext(certificates.trustingAuthority()).build();
            String metrics = trusting.send(HttpRequest.newBuilder(URI.create("https://localhost:" + PORT + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("complexitynet_plaintext_listener 0.0"), "the metric says TLS only");
            assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()),
                    "the port answered plain HTTP");
        }
    }
}
