package io.complexitynet.embedded.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.testing.ServiceProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Auth off opens every API to whoever reaches the port, so the packaged processes start that way only where nobody
 * else can reach them: the embedded mode on loopback, or where an operator wrote the acknowledgement phrase.
 */
class AuthOffIT {

    private static final int PORT = 18098;
    private static final Path DATA = Path.of(System.getProperty("complexitynet.data.dir"), "mbpp");

    private static Map<String, String> embedded(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:h2:mem:auth-off;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "LABELER_REPLAY_FILE", DATA.resolve("generations.jsonl").toString(),
                "ROUTER_REPLAY_FILE", DATA.resolve("generations.jsonl").toString(),
                "ROUTER_REPLAY_TASKS", DATA.resolve("mbpp.jsonl").toString()));
        environment.putAll(extra);
        return environment;
    }

    @Test
    void theEmbeddedModeListensOnLoopbackOnlyAndSaysAuthIsOff() throws Exception {
        try (ServiceProcess process = new ServiceProcess("auth-off-it-loopback", "embedded", PORT, embedded(Map.of())).start()) {
            assertTrue(metrics(PORT).contains("complexitynet_auth_enabled 0.0"), "the metric says auth is off");
            Optional<InetAddress> outside = nonLoopbackAddress();
            if (outside.isPresent()) {
                assertThrows(IOException.class, () -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(outside.get(), PORT), 2000);
                    }
                }, "port " + PORT + " answers on " + outside.get() + ", reachable from other machines");
            }
        }
    }

    @Test
    void theEmbeddedModeRefusesToListenBeyondLoopbackWithAuthOff() throws Exception {
        ServiceProcess process = new ServiceProcess("auth-off-it-open", "embedded", PORT, embedded(Map.of("QUARKUS_HTTP_HOST", "0.0.0.0")));
        process.launch();
        assertNotEquals(0, process.awaitExit(Duration.ofSeconds(90)));
        assertTrue(process.log().contains("auth is off and the server would listen on 0.0.0.0"), process.log());
    }

    @Test
    void aDeployedServiceWithAuthOffStartsOnlyWithTheAcknowledgement() throws Exception {
        ServiceProcess refused = new ServiceProcess("auth-off-it-verifier", "verifier-service", PORT,
                Map.of("COMPLEXITYNET_AUTH_ENABLED", "false"));
        refused.launch();
        assertNotEquals(0, refused.awaitExit(Duration.ofSeconds(90)));
        assertTrue(refused.log().contains("complexitynet.auth.enabled=false in a deployed service"), refused.log());

        try (ServiceProcess acknowledged = new ServiceProcess("auth-off-it-verifier", "verifier-service", PORT,
                Map.of("COMPLEXITYNET_AUTH_ENABLED", "false", "COMPLEXITYNET_AUTH_OFF_ACKNOWLEDGEMENT", "every-caller-is-trusted")).start()) {
            assertTrue(metrics(PORT).contains("complexitynet_auth_enabled 0.0"), "the metric says auth is off");
        }
    }

    private static String metrics(int port) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** An address of this machine other machines could use, if it has one. */
    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address.getAddress().length == 4 && !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .findFirst();
    }
}
