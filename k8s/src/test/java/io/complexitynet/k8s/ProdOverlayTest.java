package io.complexitynet.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The production overlay: redundancy, the operators' database and broker, an external Keycloak. */
class ProdOverlayTest {

    private static final ManifestSet PROD = ManifestSet.rendered("overlays/prod");

    @Test
    void everyServiceRunsAtLeastTwoReplicas() {
        for (Services service : Services.values()) {
            int replicas = PROD.minimumReplicas(service);
            assertTrue(replicas >= 2, service.name + " runs " + replicas + " replica(s)");
        }
    }

    @Test
    void everyDisruptionBudgetKeepsOnePodServing() {
        for (Services service : Services.values()) {
            PodDisruptionBudget budget = PROD.get(PodDisruptionBudget.class, Services.NAMESPACE, service.name);
            assertEquals(1, budget.getSpec().getMinAvailable().getIntVal(), service.name);
            assertNull(budget.getSpec().getMaxUnavailable(), service.name + " sets both minAvailable and maxUnavailable");
        }
    }

    @Test
    void theServicesUseTheOperatorsServicesAndSecrets() {
        String database = operated("postgresql.cnpg.io/v1", "Cluster").getMetadata().getName();
        String broker = operated("rabbitmq.com/v1beta1", "RabbitmqCluster").getMetadata().getName();
        for (Services service : Services.values()) {
            Map<String, String> environment = ServiceEnvironment.of(PROD, service);
            assertEquals(broker, environment.get("RABBITMQ_HOST"), service.name);
            assertEquals("secret:" + broker + "-default-user/username", environment.get("RABBITMQ_USERNAME"), service.name);
            assertEquals("secret:" + broker + "-default-user/password", environment.get("RABBITMQ_PASSWORD"), service.name);
            if (environment.containsKey("QUARKUS_DATASOURCE_JDBC_URL")) {
                URI jdbc = URI.create(environment.get("QUARKUS_DATASOURCE_JDBC_URL").substring("jdbc:".length()));
                assertEquals(database + "-rw", jdbc.getHost(), service.name + " must write to the primary");
                assertEquals("secret:" + database + "-app/username", environment.get("QUARKUS_DATASOURCE_USERNAME"), service.name);
                assertEquals("secret:" + database + "-app/password", environment.get("QUARKUS_DATASOURCE_PASSWORD"), service.name);
            }
        }
    }

    @Test
    void tokensComeFromAnExternalKeycloakOverHttps() {
        assertTrue(PROD.find(Deployment.class, Services.NAMESPACE, "keycloak").isEmpty(), "prod runs its own Keycloak");
        for (Services service : Services.values()) {
            String issuer = ServiceEnvironment.of(PROD, service).get("QUARKUS_OIDC_AUTH_SERVER_URL");
            assertTrue(issuer.startsWith("https://") && issuer.endsWith("/realms/complexitynet"), service.name + ": " + issuer);
        }
    }

    private static GenericKubernetesResource operated(String apiVersion, String kind) {
        return PROD.all(GenericKubernetesResource.class).stream()
                .filter(resource -> apiVersion.equals(resource.getApiVersion()) && kind.equals(resource.getKind()))
                .findFirst().orElseThrow(() -> new AssertionError("prod has no " + kind));
    }
}
