package io.complexitynet.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The environment the manifests give each service against the service's own application.properties: an
 * environment variable no property reads is ignored without a word, so a misspelt name would leave the
 * service on its localhost defaults.
 */
class ServiceConfigurationTest {

    /** Read by the JVM or a library, not by Quarkus configuration. */
    private static final Set<String> NOT_PROPERTIES = Set.of("JAVA_TOOL_OPTIONS", "DJL_CACHE_DIR");

    /** Properties without a line in application.properties, each with why. */
    private static final Map<String, String> UNLISTED_PROPERTIES = Map.of(
            "VERIFIER_KUBERNETES_NAMESPACE", "verifier.kubernetes.namespace is Optional in VerifierConfig, so it has no default line");

    /**
     * The TLS contract between the manifests and the services (TlsTest checks the values): Quarkus' HTTP server
     * and TLS registry read these whether or not application.properties has a line for them. The doubled
     * underscores quote a map key (the key store {@code 0}, the TLS configuration {@code verifier}): spelled with
     * single ones, the name is ambiguous and Quarkus ignores it.
     */
    private static final Set<String> TLS_CONTRACT = Set.of(
            "QUARKUS_HTTP_HOST", "QUARKUS_HTTP_SSL_PORT", "QUARKUS_HTTP_INSECURE_REQUESTS", "QUARKUS_TLS_KEY_STORE_PEM__0__CERT",
            "QUARKUS_TLS_KEY_STORE_PEM__0__KEY", "QUARKUS_TLS_RELOAD_PERIOD", "QUARKUS_TLS__VERIFIER__TRUST_STORE_PEM_CERTS");

    @ParameterizedTest
    @EnumSource(Services.class)
    void everyVariableNamesAPropertyTheServiceReads(Services service) {
        String properties = ManifestYaml.read(ServiceProperties.path(service));
        Set<String> known = new TreeSet<>();
        for (String key : ServiceProperties.load(service).stringPropertyNames()) {
            known.add(environmentForm(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key));
        }
        for (String variable : ServiceEnvironment.of(ManifestSet.rendered("base"), service).keySet()) {
            boolean read = NOT_PROPERTIES.contains(variable) || UNLISTED_PROPERTIES.containsKey(variable)
                    || TLS_CONTRACT.contains(variable) || known.contains(variable) || properties.contains("${" + variable + ":");
            assertTrue(read, service.name + ": " + variable + " matches no key of " + ServiceProperties.path(service));
        }
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void theContainerPortIsTheServicesHttpPort(Services service) {
        String port = ServiceProperties.load(service).getProperty("quarkus.http.port");
        assertEquals(String.valueOf(service.port), port, service.name + "'s quarkus.http.port");
        Deployment deployment = ManifestSet.rendered("base").get(Deployment.class, Services.NAMESPACE, service.name);
        assertEquals(List.of(service.port), deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts()
                .stream().map(p -> p.getContainerPort()).toList());
        Service kubernetesService = ManifestSet.rendered("base").get(Service.class, Services.NAMESPACE, service.name);
        assertEquals(service.port, kubernetesService.getSpec().getPorts().get(0).getPort());
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void everyServiceIsInClusterModeWithCredentialsFromSecrets(Services service) {
        Map<String, String> environment = ServiceEnvironment.of(ManifestSet.rendered("base"), service);
        assertEquals("http://keycloak.complexitynet.svc:8080/realms/complexitynet", environment.get("QUARKUS_OIDC_AUTH_SERVER_URL"));
        assertEquals("secret:" + service.component() + "-rabbitmq/password", environment.get("RABBITMQ_PASSWORD"), service.name);
        if (service != Services.VERIFIER) {
            assertEquals("secret:complexitynet-db/password", environment.get("QUARKUS_DATASOURCE_PASSWORD"), service.name);
        }
        environment.forEach((variable, value) -> assertTrue(!variable.contains("PASSWORD") && !variable.contains("SECRET")
                || value.startsWith("secret:"), service.name + ": " + variable + " holds a credential in plain text"));
    }

    @Test
    void theVerifierRunsCandidatesInPodsOfTheSandboxNamespace() {
        Map<String, String> environment = ServiceEnvironment.of(ManifestSet.rendered("base"), Services.VERIFIER);
        assertEquals("kubernetes", environment.get("VERIFIER_SANDBOX_BACKEND"));
        assertEquals(Services.SANDBOX_NAMESPACE, environment.get("VERIFIER_KUBERNETES_NAMESPACE"));
    }

    /** The verifier runs no Python in the cluster; the flag would let a local sandbox run candidates unconfined. */
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void theVerifierIsNeverToldToRunCandidatesWithoutBubblewrap(String kustomization) {
        Map<String, String> environment = ServiceEnvironment.of(ManifestSet.rendered(kustomization), Services.VERIFIER);
        assertFalse(environment.containsKey("VERIFIER_SANDBOX_UNSAFE_WITHOUT_BUBBLEWRAP"),
                kustomization + " sets VERIFIER_SANDBOX_UNSAFE_WITHOUT_BUBBLEWRAP");
    }

    @Test
    void theRouterCallsTheVerifierThroughItsService() {
        Map<String, String> environment = ServiceEnvironment.of(ManifestSet.rendered("base"), Services.ROUTER);
        assertEquals(Services.VERIFIER.name, environment.get("QUARKUS_GRPC_CLIENTS_VERIFIER_HOST"));
        assertEquals(String.valueOf(Services.VERIFIER.port), environment.get("QUARKUS_GRPC_CLIENTS_VERIFIER_PORT"));
        assertEquals("secret:router-oidc-client/client-secret", environment.get("ROUTER_VERIFIER_CLIENT_SECRET"));
    }

    /** Quarkus' rule: every character other than a letter or digit becomes an underscore, then upper case. */
    private static String environmentForm(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
