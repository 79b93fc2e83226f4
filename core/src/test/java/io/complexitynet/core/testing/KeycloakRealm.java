package io.complexitynet.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The project's Keycloak realm ({@code k8s/base/keycloak/complexitynet-realm.json}) as tests see it: its
 * issuer, users and clients, and ways to obtain real tokens from it, plus forged ones to prove rejection.
 * Every token method starts the server through {@code .ci/keycloak} when needed and adds the tests' own users
 * and clients ({@code keycloak/test-fixtures.json}), which the shipped realm does not carry (see {@link #ensureRunning()}).
 * Tokens are returned as compact JWTs; {@link #claims(String)} decodes one without checking its signature.
 */
public final class KeycloakRealm {

    /** The realm's issuer; the {@code iss} of every token and the OIDC {@code auth-server-url}. */
    public static final String ISSUER = "http://127.0.0.1:8180/realms/complexitynet";
    public static final String TOKEN_ENDPOINT = ISSUER + "/protocol/openid-connect/token";
    public static final String DISCOVERY = ISSUER + "/.well-known/openid-configuration";

    /** The access-token claim holding the caller's tenant. */
    public static final String TENANT_CLAIM = "tenant";
    public static final String ROUTER_USER = "router-user";
    public static final String LABELER_ADMIN = "labeler-admin";
    public static final String TRAINER_ADMIN = "trainer-admin";
    public static final String VERIFIER_CALLER = "verifier-caller";
    public static final String TENANT_ADMIN = "tenant-admin";

    /**
     * Each service's client: the audience its tokens must carry and the holder of its roles
     * ({@code resource_access.<client>.roles}). A token carries a service's audience only with a role of it.
     */
    public static final String ROUTER_SERVICE_CLIENT = "router-service";
    public static final String VERIFIER_SERVICE_CLIENT = "verifier-service";
    public static final String LABELER_SERVICE_CLIENT = "labeler-service";
    public static final String TRAINER_SERVICE_CLIENT = "trainer-service";
    /** The router's client secret; its service account holds {@link #VERIFIER_CALLER}. */
    public static final String ROUTER_SERVICE_SECRET = "router-secret-dev";

    /** Public client for people; its tokens carry {@code tenant} and the roles and audiences of the user's services. */
    public static final String CLI_CLIENT = "complexitynet-cli";
    /** Test client like {@link #CLI_CLIENT} whose access tokens live {@value #SHORT_LIVED_SECONDS} s. */
    public static final String SHORT_LIVED_CLIENT = "short-lived";
    public static final int SHORT_LIVED_SECONDS = 2;
    /** Test client scoped to no service: its tokens carry no service's roles or audience. */
    public static final String OTHER_APP_CLIENT = "other-app";
    /** Test client like {@link #CLI_CLIENT} that no service accepts as {@code azp}. */
    public static final String UNLISTED_CLIENT = "unlisted-app";

    /** A realm user; passwords are for development and tests only. */
    public record TestUser(String username, String password, String tenant) {
    }

    /** Tenant acme, {@link #ROUTER_USER}. */
    public static final TestUser ALICE = new TestUser("alice", "alice-dev-password", "acme");
    /** Tenant globex, {@link #ROUTER_USER}. */
    public static final TestUser BOB = new TestUser("bob", "bob-dev-password", "globex");
    /** Tenant acme, no role at all: authenticated, but its tokens are meant for no service. */
    public static final TestUser CAROL = new TestUser("carol", "carol-dev-password", "acme");
    /** Tenant acme, {@link #ROUTER_USER}, {@link #LABELER_ADMIN}, {@link #TRAINER_ADMIN} and {@link #TENANT_ADMIN}. */
    public static final TestUser ADMIN_OPS = new TestUser("admin-ops", "admin-ops-dev-password", "acme");
    /**
     * Tenant acme, holding the verifier's role {@link #VERIFIER_CALLER} by mistake: no client of people may ask for it,
     * and a token from a client that may ({@link #UNLISTED_CLIENT}) is not the router's.
     */
    public static final TestUser MALLORY = new TestUser("mallory", "mallory-dev-password", "acme");

    private static final String REPO_DIR_PROPERTY = "complexitynet.repo.dir";
    private static final String FIXTURES = "/keycloak/test-fixtures.json";
    // The bootstrap admin .ci/keycloak gives its local server; only the fixtures need it.
    private static final String LOCAL_ADMIN_TOKEN_ENDPOINT = "http://127.0.0.1:8180/realms/master/protocol/openid-connect/token";
    // Covers a cold start: the script downloads ~160 MB, then waits up to 120 s for the server.
    private static final long START_TIMEOUT_MINUTES = 10;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder BASE64URL_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private static boolean ensured;

    private KeycloakRealm() {
    }

    /**
     * Makes sure the server answers with the current realm. With the system property
     * {@code complexitynet.repo.dir} set (surefire sets it), runs that repository's {@code .ci/keycloak} once
     * per JVM: it returns at once when the running server matches the realm file, and otherwise starts or
     * restarts it. Without the property, a server that already answers is used as it is. Then, once per JVM,
     * adds or overwrites the test users and clients through the admin API's partial import.
     *
     * @throws IllegalStateException when no server answers and none could be started
     */
    public static synchronized void ensureRunning() {
        if (ensured) {
            return;
        }
        String repoDir = System.getProperty(REPO_DIR_PROPERTY);
        if (repoDir != null) {
            runStartScript(Path.of(repoDir, ".ci", "keycloak"));
        } else if (!discoveryAnswers()) {
            throw new IllegalStateException("Keycloak does not answer " + DISCOVERY + " and -D" + REPO_DIR_PROPERTY
                    + " is not set, so .ci/keycloak cannot be found to start it");
        }
        addTestFixtures();
        ensured = true;
    }

    /**
     * Freezes the local server (SIGSTOP to its process group), as an identity provider that stops answering: connections
     * still open at the kernel, nothing answers on them. {@link #thaw()} resumes it with its keys and sessions intact.
     */
    public static void freeze() throws InterruptedException {
        signal("-STOP");
    }

    public static void thaw() throws InterruptedException {
        signal("-CONT");
    }

    // .ci/keycloak starts the server as the leader of its own session, and writes its pid beside the install.
    private static void signal(String signal) throws InterruptedException {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "complexitynet");
        try (Stream<Path> installs = Files.list(cache)) {
            Path pidFile = installs.map(install -> install.resolve("keycloak.pid")).filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no keycloak.pid under " + cache + ": was the server started by .ci/keycloak?"));
            String pid = Files.readString(pidFile).trim();
            Process kill = new ProcessBuilder("kill", signal, "--", "-" + pid).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " -" + pid + " failed: " + new String(kill.getInputStream().readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot signal the local Keycloak", e);
        }
    }

    /** An access token for a realm user through {@link #CLI_CLIENT} (password grant). */
    public static String passwordToken(String username, String password) {
        return userToken(CLI_CLIENT, username, password);
    }

    /** {@link #passwordToken(String, String)} for one of this realm's test users. */
    public static String passwordToken(TestUser user) {
        return passwordToken(user.username(), user.password());
    }

    /**
     * An access token through {@link #SHORT_LIVED_CLIENT}: same claims as {@link #passwordToken}, but it
     * expires {@value #SHORT_LIVED_SECONDS} s after issue, so a test waits about 3 s to hold an expired token.
     */
    public static String shortLivedToken(String username, String password) {
        return userToken(SHORT_LIVED_CLIENT, username, password);
    }

    /**
     * A genuine, correctly signed access token through {@link #OTHER_APP_CLIENT}: it carries {@code tenant}
     * but no service's audience, so every service must reject it.
     */
    public static String otherAudienceToken(String username, String password) {
        return userToken(OTHER_APP_CLIENT, username, password);
    }

    /** A token like {@link #passwordToken(TestUser)}, asked for by {@link #UNLISTED_CLIENT}, whose {@code azp} no service accepts. */
    public static String unlistedClientToken(TestUser user) {
        return userToken(UNLISTED_CLIENT, user.username(), user.password());
    }

    /** An access token for a confidential client's service account (client credentials grant). */
    public static String clientCredentialsToken(String clientId, String secret) {
        return requestToken(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /**
     * The given token with header and claims unchanged but signed by a freshly generated RSA key that
     * Keycloak never published: same {@code kid}, so only signature verification can tell it apart.
     */
    public static String forgedToken(String validJwt) {
        String[] parts = parts(validJwt);
        String signingInput = parts[0] + "." + parts[1];
        return signingInput + "." + BASE64URL_ENCODER.encodeToString(signWithUnknownKey(signingInput));
    }

    /**
     * The given token with one claim set to a new value and Keycloak's original signature kept, as an
     * attacker would try to switch tenant: e.g. {@code tamperedToken(aliceToken, "tenant", "globex")}.
     */
    public static String tamperedToken(String validJwt, String claim, String value) {
        String[] parts = parts(validJwt);
        ObjectNode payload = ((ObjectNode) claims(validJwt)).put(claim, value);
        return parts[0] + "." + encode(payload) + "." + parts[2];
    }

    /** The payload of a JWT as JSON, decoded without any signature check. */
    public static JsonNode claims(String jwt) {
        return readJson(BASE64URL_DECODER.decode(parts(jwt)[1]));
    }

    private static String userToken(String clientId, String username, String password) {
        return requestToken(Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", password));
    }

    private static String requestToken(Map<String, String> form) {
        ensureRunning();
        return requestToken(TOKEN_ENDPOINT, form);
    }

    private static String requestToken(String endpoint, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<byte[]> response = send(request);
        JsonNode answer = readJson(response.body());
        if (response.statusCode() != 200) {
            // Keycloak's error body names the failure (invalid_grant, unauthorized_client) and holds no secret.
            throw new IllegalStateException("Keycloak refused a " + form.get("grant_type") + " token for client "
                    + form.get("client_id") + ": HTTP " + response.statusCode() + " " + answer);
        }
        return answer.path("access_token").asText();
    }

    // Overwrites, so a changed fixture file reaches a server that kept running; lockouts of test users end too.
    private static void addTestFixtures() {
        byte[] fixtures;
        try (var in = KeycloakRealm.class.getResourceAsStream(FIXTURES)) {
            fixtures = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String admin = requestToken(LOCAL_ADMIN_TOKEN_ENDPOINT,
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(ISSUER.replace("/realms/", "/admin/realms/") + "/partialImport"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(fixtures))
                .build();
        HttpResponse<byte[]> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the test fixtures " + FIXTURES + ": HTTP " + response.statusCode()
                    + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    private static boolean discoveryAnswers() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(DISCOVERY)).timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void runStartScript(Path script) {
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException(script + " is missing or not executable");
        }
        try {
            // Through a file rather than inheritIO: surefire's forked JVM speaks to Maven over its own stdout.
            Path output = Files.createTempFile("keycloak-start", ".log");
            Process process = new ProcessBuilder(script.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean finished = process.waitFor(START_TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!finished) {
                process.destroy();
            }
            String printed = Files.readString(output);
            Files.delete(output);
            if (!finished || process.exitValue() != 0) {
                throw new IllegalStateException(script + (finished ? " failed with exit code " + process.exitValue()
                        : " did not finish within " + START_TIMEOUT_MINUTES + " minutes") + ":\n" + printed);
            }
            System.err.print(printed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Keycloak", e);
        }
    }

    private static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to Keycloak", e);
        }
    }

    private static byte[] signWithUnknownKey(String signingInput) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey key = generator.generateKeyPair().getPrivate();
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot sign with RS256", e);
        }
    }

    private static String[] parts(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS: " + parts.length + " parts");
        }
        return parts;
    }

    private static String encode(JsonNode json) {
        try {
            return BASE64URL_ENCODER.encodeToString(JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
