package io.complexitynet.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The production overlay: redundancy, the operators' database and broker, an external Keycloak. */
class ProdOverlayTest {

    private static final ManifestSet PROD = ManifestSet.rendered("overlays/prod");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

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
            // Its own user's, which the Messaging Topology Operator writes; never the cluster's administrator.
            String user = service.component() + "-rabbitmq";
            GenericKubernetesResource brokerUser = PROD.custom("rabbitmq.com/v1beta1", "User").stream()
                    .filter(candidate -> candidate.getMetadata().getName().equals(user)).findFirst()
                    .orElseThrow(() -> new AssertionError("prod has no broker User " + user));
            assertEquals(broker, brokerUser.get("spec", "rabbitmqClusterReference", "name"), "User " + user);
            assertEquals("secret:" + user + "-user-credentials/username", environment.get("RABBITMQ_USERNAME"), service.name);
            assertEquals("secret:" + user + "-user-credentials/password", environment.get("RABBITMQ_PASSWORD"), service.name);
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

    /** Third-party images too: a tag could be moved to other code after review (ours: {@code BuiltImagesTest}). */
    @Test
    void everyWorkloadImageIsReferencedByDigest() {
        for (Manifest manifest : PROD.manifests()) {
            Workloads.template(manifest.resource()).ifPresent(template -> {
                List<Container> containers = new ArrayList<>(template.getSpec().getInitContainers());
                containers.addAll(template.getSpec().getContainers());
                for (Container container : containers) {
                    ImageReference image = ImageReference.parse(container.getImage());
                    assertTrue(image.tag() == null && image.digest() != null && DIGEST.matcher(image.digest()).matches(), manifest
                            + ", container " + container.getName() + ": " + container.getImage() + " is not name@sha256:<64 hex digits>");
                }
            });
        }
    }

    /** Their pods call the API server (instance manager, peer discovery), which only the kubernetes-api policy reaches. */
    @Test
    void theDatabaseAndBrokerPodsMayReachTheKubernetesApi() {
        LabelSelector api = PROD.get(NetworkPolicy.class, Services.NAMESPACE, "kubernetes-api").getSpec().getPodSelector();
        Map<String, String> database = operated("postgresql.cnpg.io/v1", "Cluster").get("spec", "inheritedMetadata", "labels");
        Map<String, String> broker = operated("rabbitmq.com/v1beta1", "RabbitmqCluster")
                .get("spec", "override", "statefulSet", "spec", "template", "metadata", "labels");
        assertTrue(LabelSelectors.matches(api, database), "the database's pods are not selected by the kubernetes-api policy");
        assertTrue(LabelSelectors.matches(api, broker), "the broker's pods are not selected by the kubernetes-api policy");
    }

    private static GenericKubernetesResource operated(String apiVersion, String kind) {
        return PROD.custom(apiVersion, kind).stream().findFirst().orElseThrow(() -> new AssertionError("prod has no " + kind));
    }
}
