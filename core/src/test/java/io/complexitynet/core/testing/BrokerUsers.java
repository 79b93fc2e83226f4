package io.complexitynet.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broker users of the dev overlay ({@code k8s/overlays/dev/rabbitmq-definitions.json}: one per service, each
 * allowed only its own exchanges and queues), loaded into the local RabbitMQ through its management API, so that a
 * test runs each packaged service as the user the cluster gives it and sees the permissions hold for real.
 */
public final class BrokerUsers {

    /** A broker user and its password, as a service reads them. */
    public record User(String name, String password) {

        public Map<String, String> environment() {
            return Map.of("RABBITMQ_USERNAME", name, "RABBITMQ_PASSWORD", password);
        }
    }

    private static final String DEFINITIONS = "k8s/overlays/dev/rabbitmq-definitions.json";
    private static final URI MANAGEMENT = URI.create("http://127.0.0.1:15672/api/definitions");

    private BrokerUsers() {
    }

    /** Imports the users and their permissions (adding to what the broker has) and returns them by name. */
    public static Map<String, User> load() {
        Path file = Path.of(System.getProperty("complexitynet.repo.dir", "..")).resolve(DEFINITIONS);
        try {
            byte[] definitions = Files.readAllBytes(file);
            String guest = Base64.getEncoder().encodeToString("guest:guest".getBytes(StandardCharsets.US_ASCII));
            // HTTP/1.1: the management server closes the connection on the client's h2c upgrade.
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(MANAGEMENT)
                    .header("Authorization", "Basic " + guest).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(definitions)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("RabbitMQ refused " + file + ": HTTP " + response.statusCode() + " " + response.body());
            }
            Map<String, User> users = new LinkedHashMap<>();
            for (JsonNode user : new ObjectMapper().readTree(definitions).path("users")) {
                users.put(user.path("name").asText(), new User(user.path("name").asText(), user.path("password").asText()));
            }
            return users;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + file + " into RabbitMQ's management API at " + MANAGEMENT
                    + " (.ci/run enables the management plugin)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
