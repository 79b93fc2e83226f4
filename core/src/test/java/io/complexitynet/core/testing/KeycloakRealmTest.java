package io.complexitynet.core.testing;

import static io.complexitynet.core.testing.KeycloakRealm.ADMIN_OPS;
import static io.complexitynet.core.testing.KeycloakRealm.ALICE;
import static io.complexitynet.core.testing.KeycloakRealm.BOB;
import static io.complexitynet.core.testing.KeycloakRealm.CAROL;
import static io.complexitynet.core.testing.KeycloakRealm.CLI_CLIENT;
import static io.complexitynet.core.testing.KeycloakRealm.ISSUER;
import static io.complexitynet.core.testing.KeycloakRealm.LABELER_ADMIN;
import static io.complexitynet.core.testing.KeycloakRealm.LABELER_SERVICE_CLIENT;
import static io.complexitynet.core.testing.KeycloakRealm.ROUTER_SERVICE_CLIENT;
import static io.complexitynet.core.testing.KeycloakRealm.ROUTER_SERVICE_SECRET;
import static io.complexitynet.core.testing.KeycloakRealm.ROUTER_USER;
import static io.complexitynet.core.testing.KeycloakRealm.SHORT_LIVED_SECONDS;
import static io.complexitynet.core.testing.KeycloakRealm.TENANT_ADMIN;
import static io.complexitynet.core.testing.KeycloakRealm.TENANT_CLAIM;
import static io.complexitynet.core.testing.KeycloakRealm.TRAINER_ADMIN;
import static io.complexitynet.core.testing.KeycloakRealm.TRAINER_SERVICE_CLIENT;
import static io.complexitynet.core.testing.KeycloakRealm.UNLISTED_CLIENT;
import static io.complexitynet.core.testing.KeycloakRealm.VERIFIER_CALLER;
import static io.complexitynet.core.testing.KeycloakRealm.VERIFIER_SERVICE_CLIENT;
import static io.complexitynet.core.testing.KeycloakRealm.claims;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Proves against the running Keycloak that the realm issues what the services will check: issuer, tenant,
 * each service's roles under its own audience, the authorized party, lifespan and signatures, and that the fixture's forged tokens fail verification.
 */
class KeycloakRealmTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tokensNameTheRealmAsIssuer() {
        assertEquals(ISSUER, claims(KeycloakRealm.passwordToken(ALICE)).path("iss").asText());
    }

    @Test
    void aliceTokenCarriesTenantAcme() {
        assertEquals("acme", claims(KeycloakRealm.passwordToken(ALICE)).path(TENANT_CLAIM).asText());
    }

    @Test
    void bobTokenCarriesTenantGlobex() {
        assertEquals("globex", claims(KeycloakRealm.passwordToken(BOB)).path(TENANT_CLAIM).asText());
    }

    @Test
    void aliceTokensAreMeantForTheRouterOnly() {
        String token = KeycloakRealm.passwordToken(ALICE);
        assertAll(
                () -> assertEquals(Map.of(ROUTER_SERVICE_CLIENT, Set.of(ROUTER_USER)), serviceRoles(token)),
                () -> assertEquals(Set.of(ROUTER_SERVICE_CLIENT), audiences(token)),
                () -> assertEquals(CLI_CLIENT, claims(token).path("azp").asText()),
                () -> assertTrue(claims(token).path("realm_access").isMissingNode(), "no realm-wide roles"));
    }

    @Test
    void carolTokensAreMeantForNoService() {
        String token = KeycloakRealm.passwordToken(CAROL);
        assertAll(
                () -> assertEquals(Map.of(), serviceRoles(token)),
                () -> assertEquals(Set.of(), audiences(token)));
    }

    @Test
    void adminOpsTokensCarryEachServicesRolesUnderItsOwnAudience() {
        String token = KeycloakRealm.passwordToken(ADMIN_OPS);
        assertAll(
                () -> assertEquals(Map.of(ROUTER_SERVICE_CLIENT, Set.of(ROUTER_USER, TENANT_ADMIN),
                        LABELER_SERVICE_CLIENT, Set.of(LABELER_ADMIN), TRAINER_SERVICE_CLIENT, Set.of(TRAINER_ADMIN)),
                        serviceRoles(token)),
                () -> assertEquals(Set.of(ROUTER_SERVICE_CLIENT, LABELER_SERVICE_CLIENT, TRAINER_SERVICE_CLIENT), audiences(token)));
    }

    @Test
    void otherAppTokensAreMeantForNoService() {
        String token = KeycloakRealm.otherAudienceToken(BOB.username(), BOB.password());
        assertEquals(Set.of(), audiences(token));
    }

    @Test
    void unlistedClientTokensNameTheirClientAsAuthorizedParty() {
        String token = KeycloakRealm.unlistedClientToken(ALICE);
        assertAll(
                () -> assertEquals(UNLISTED_CLIENT, claims(token).path("azp").asText()),
                () -> assertEquals(Set.of(ROUTER_SERVICE_CLIENT), audiences(token)));
    }

    @Test
    void theShippedRealmCarriesNoTestUserOrClient() throws IOException {
        JsonNode realm = JSON.readTree(Path.of(System.getProperty("complexitynet.repo.dir", "..")).resolve(
                "k8s/base/keycloak/complexitynet-realm.json").toFile());
        Set<String> users = new HashSet<>();
        realm.path("users").forEach(user -> users.add(user.path("username").asText()));
        Set<String> clients = new HashSet<>();
        realm.path("clients").forEach(client -> clients.add(client.path("clientId").asText()));
        assertAll(
                () -> assertEquals(Set.of("service-account-" + ROUTER_SERVICE_CLIENT), users),
                () -> assertEquals(Set.of(CLI_CLIENT, ROUTER_SERVICE_CLIENT, VERIFIER_SERVICE_CLIENT, LABELER_SERVICE_CLIENT,
                        TRAINER_SERVICE_CLIENT), clients),
                () -> realm.path("clients").forEach(client -> assertFalse(client.path("fullScopeAllowed").asBoolean(true),
                        client.path("clientId") + " has full scope: its tokens would carry every role the user holds")),
                () -> assertTrue(realm.path("roles").path("realm").isMissingNode(), "roles are per service, none realm-wide"));
    }

    @Test
    void shortLivedTokensLiveAtMostTwoSeconds() {
        JsonNode claims = claims(KeycloakRealm.shortLivedToken(ALICE.username(), ALICE.password()));
        long lifespan = claims.path("exp").asLong() - claims.path("iat").asLong();
        assertTrue(lifespan > 0 && lifespan <= SHORT_LIVED_SECONDS, () -> "lifespan " + lifespan + " s");
    }

    @Test
    void shortLivedTokenIsInactiveOnceItsLifespanPassed() throws IOException, InterruptedException {
        String token = KeycloakRealm.shortLivedToken(ALICE.username(), ALICE.password());
        assertTrue(isActive(token), "a fresh token must be active, or inactivity below proves nothing");
        Thread.sleep((SHORT_LIVED_SECONDS + 1) * 1000L);
        assertFalse(isActive(token));
    }

    @Test
    void routerServiceAccountTokensAreMeantForTheVerifierOnly() {
        String token = KeycloakRealm.clientCredentialsToken(ROUTER_SERVICE_CLIENT, ROUTER_SERVICE_SECRET);
        assertAll(
                () -> assertEquals(Map.of(VERIFIER_SERVICE_CLIENT, Set.of(VERIFIER_CALLER)), serviceRoles(token)),
                () -> assertEquals(Set.of(VERIFIER_SERVICE_CLIENT), audiences(token)),
                () -> assertEquals(ROUTER_SERVICE_CLIENT, claims(token).path("azp").asText()));
    }

    @Test
    void everyGenuineTokenVerifiesAgainstTheRealmKeys() {
        assertAll(
                () -> assertTrue(signedByRealm(KeycloakRealm.passwordToken(ALICE)), "cli"),
                () -> assertTrue(signedByRealm(KeycloakRealm.shortLivedToken(ALICE.username(), ALICE.password())),
                        "short-lived"),
                () -> assertTrue(signedByRealm(KeycloakRealm.otherAudienceToken(ALICE.username(), ALICE.password())),
                        "other-app"),
                () -> assertTrue(signedByRealm(
                        KeycloakRealm.clientCredentialsToken(ROUTER_SERVICE_CLIENT, ROUTER_SERVICE_SECRET)),
                        "router-service"));
    }

    @Test
    void forgedTokenKeepsTheClaimsButFailsVerification() {
        String genuine = KeycloakRealm.passwordToken(ALICE);
        String forged = KeycloakRealm.forgedToken(genuine);
        assertAll(
                () -> assertEquals(claims(genuine), claims(forged)),
                () -> assertFalse(signedByRealm(forged)));
    }

    @Test
    void tamperedTokenCarriesTheNewTenantButFailsVerification() {
        String tampered = KeycloakRealm.tamperedToken(KeycloakRealm.passwordToken(ALICE), TENANT_CLAIM, "globex");
        assertAll(
                () -> assertEquals("globex", claims(tampered).path(TENANT_CLAIM).asText()),
                () -> assertFalse(signedByRealm(tampered)));
    }

    // An unknown user, not a wrong password for a real one: the realm's brute-force detection counts failures per user
    // for 12 hours, so a long-lived Keycloak that saw ten test runs would lock alice out of the tests that follow.
    @Test
    void unknownCredentialsAreRefused() {
        assertThrows(IllegalStateException.class, () -> KeycloakRealm.passwordToken("nobody-in-this-realm", "wrong"));
    }

    private static Map<String, Set<String>> serviceRoles(String token) {
        Map<String, Set<String>> roles = new HashMap<>();
        claims(token).path("resource_access").fields()
                .forEachRemaining(client -> roles.put(client.getKey(), textValues(client.getValue().path("roles"))));
        return roles;
    }

    // A single audience arrives as a string, several as an array.
    private static Set<String> audiences(String token) {
        JsonNode aud = claims(token).path("aud");
        return aud.isTextual() ? Set.of(aud.asText()) : textValues(aud);
    }

    private static Set<String> textValues(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** RS256 verification of the token against the realm's published key with the token's {@code kid}. */
    private static boolean signedByRealm(String token) throws IOException, InterruptedException,
            GeneralSecurityException {
        String[] parts = token.split("\\.");
        String kid = JSON.readTree(Base64.getUrlDecoder().decode(parts[0])).path("kid").asText();
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(realmKey(kid));
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static PublicKey realmKey(String kid) throws IOException, InterruptedException, GeneralSecurityException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ISSUER + "/protocol/openid-connect/certs")).build();
        JsonNode keys = JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).path("keys");
        for (JsonNode key : keys) {
            if (kid.equals(key.path("kid").asText())) {
                BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText()));
                BigInteger exponent = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()));
                return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
            }
        }
        throw new IllegalStateException("the realm publishes no key " + kid);
    }

    /** Asks Keycloak itself (token introspection, as the router's confidential client) whether a token is live. */
    private static boolean isActive(String token) throws IOException, InterruptedException {
        String form = "client_id=" + ROUTER_SERVICE_CLIENT + "&client_secret=" + ROUTER_SERVICE_SECRET
                + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(KeycloakRealm.TOKEN_ENDPOINT + "/introspect"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        JsonNode answer = JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        return answer.path("active").asBoolean();
    }
}
