package io.complexitynet.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The development overlay: its own data stores and Keycloak, one replica each. */
class DevOverlayTest {

    private static final ManifestSet DEV = ManifestSet.rendered("overlays/dev");

    @Test
    void postgresqlAndRabbitmqRunAsStatefulSetsWithTheirOwnVolumes() {
        for (String name : List.of("postgresql", "rabbitmq")) {
            StatefulSet statefulSet = DEV.get(StatefulSet.class, Services.NAMESPACE, name);
            assertEquals(1, statefulSet.getSpec().getReplicas(), name);
            assertEquals(List.of("data"), statefulSet.getSpec().getVolumeClaimTemplates().stream()
                    .map(claim -> claim.getMetadata().getName()).toList(), name + " keeps its data on a claim");
            assertTrue(statefulSet.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts().stream()
                    .anyMatch(mount -> mount.getName().equals("data")), name + " does not mount its claim");
        }
    }

    @Test
    void theServicesReachTheDataStoresUnderTheNamesInTheirConfiguration() {
        for (Services service : Services.values()) {
            Map<String, String> environment = ServiceEnvironment.of(DEV, service);
            assertServiceAt(environment.get("RABBITMQ_HOST"), Integer.parseInt(environment.get("RABBITMQ_PORT")), service);
            String jdbc = environment.get("QUARKUS_DATASOURCE_JDBC_URL");
            if (jdbc != null) {
                URI database = URI.create(jdbc.substring("jdbc:".length()));
                assertServiceAt(database.getHost(), database.getPort(), service);
            }
        }
    }

    @Test
    void keycloakImportsTheProjectsRealmAndIssuesTokensForTheUrlTheServicesCheck() throws IOException {
        String realmFile = ManifestYaml.read(ManifestTree.path("base/keycloak/complexitynet-realm.json"));
        PodSpec pod = DEV.get(Deployment.class, Services.NAMESPACE, "keycloak").getSpec().getTemplate().getSpec();
        Container keycloak = pod.getContainers().get(0);
        String mountedVolume = keycloak.getVolumeMounts().stream()
                .filter(mount -> mount.getMountPath().equals("/opt/keycloak/data/import")).findFirst().orElseThrow().getName();
        Volume realm = pod.getVolumes().stream().filter(volume -> volume.getName().equals(mountedVolume)).findFirst().orElseThrow();
        ConfigMap realmMap = DEV.get(ConfigMap.class, Services.NAMESPACE, realm.getConfigMap().getName());
        assertEquals(realmFile, realmMap.getData().get("complexitynet-realm.json"), "the mounted realm is not the file's content");
        assertTrue(keycloak.getArgs().contains("--import-realm"), "Keycloak does not import: " + keycloak.getArgs());

        String hostname = keycloak.getArgs().stream().filter(arg -> arg.startsWith("--hostname=")).findFirst().orElseThrow()
                .substring("--hostname=".length());
        String realmName = new ObjectMapper().readTree(realmFile).get("realm").asText();
        for (Services service : Services.values()) {
            assertEquals(hostname + "/realms/" + realmName, ServiceEnvironment.of(DEV, service).get("QUARKUS_OIDC_AUTH_SERVER_URL"),
                    service.name + " checks tokens of another issuer than Keycloak's pinned one");
        }
        URI issuer = URI.create(hostname);
        assertServiceAt(issuer.getHost().substring(0, issuer.getHost().indexOf('.')), issuer.getPort(), Services.ROUTER);
    }

    @Test
    void theRoutersClientSecretIsTheRealmsSecretForRouterService() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(ManifestYaml.read(ManifestTree.path("base/keycloak/complexitynet-realm.json")));
        String realmSecret = null;
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asText().equals("router-service")) {
                realmSecret = client.get("secret").asText();
            }
        }
        Secret secret = DEV.all(Secret.class).stream().filter(s -> s.getMetadata().getName().startsWith("router-oidc-client-"))
                .findFirst().orElseThrow();
        String devSecret = new String(Base64.getDecoder().decode(secret.getData().get("client-secret")), StandardCharsets.UTF_8);
        assertEquals(realmSecret, devSecret);
    }

    @Test
    void keycloakAdmitsOnlyPodsOfTheSuitesNamespace() {
        NetworkPolicy policy = DEV.get(NetworkPolicy.class, Services.NAMESPACE, "keycloak");
        assertEquals(1, policy.getSpec().getIngress().size());
        for (NetworkPolicyPeer peer : policy.getSpec().getIngress().get(0).getFrom()) {
            assertTrue(peer.getNamespaceSelector() == null && peer.getIpBlock() == null && peer.getPodSelector() != null,
                    "a peer beyond the namespace: " + peer);
        }
    }

    @Test
    void theRealmLocksOutPasswordGuessing() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(ManifestYaml.read(ManifestTree.path("base/keycloak/complexitynet-realm.json")));
        assertTrue(realm.path("bruteForceProtected").asBoolean(), "bruteForceProtected");
        assertFalse(realm.path("permanentLockout").asBoolean(true), "a temporary lockout, so guessing cannot lock a user out for good");
        int failures = realm.path("failureFactor").asInt();
        assertTrue(failures > 0 && failures <= 10, "failureFactor " + failures);
    }

    /**
     * The development Keycloak's admin password is nowhere in the manifests: its Deployment reads the Secret
     * keycloak-bootstrap-admin, which the operator creates by hand with a random password (k8s/README.md).
     */
    @Test
    void keycloaksBootstrapAdminComesFromASecretNoManifestHolds() {
        for (String kustomization : List.of("base/keycloak", "overlays/dev")) {
            ManifestSet manifests = ManifestSet.rendered(kustomization);
            assertTrue(manifests.all(Secret.class).stream()
                            .noneMatch(secret -> secret.getMetadata().getName().startsWith("keycloak-bootstrap-admin")),
                    kustomization + " renders the bootstrap admin's Secret, so its password is in the manifests");
            Container keycloak = manifests.get(Deployment.class, Services.NAMESPACE, "keycloak").getSpec().getTemplate().getSpec()
                    .getContainers().get(0);
            for (String argument : keycloak.getArgs()) {
                assertFalse(argument.startsWith("--bootstrap-admin-password"), kustomization + ": " + argument);
            }
            Map<String, EnvVar> environment = keycloak.getEnv().stream()
                    .collect(Collectors.toMap(EnvVar::getName, variable -> variable));
            assertFalse(environment.containsKey("KEYCLOAK_ADMIN_PASSWORD"), kustomization + " sets Keycloak's legacy admin password");
            for (String variable : List.of("KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD")) {
                EnvVar value = environment.get(variable);
                assertTrue(value != null && value.getValue() == null && value.getValueFrom().getSecretKeyRef() != null,
                        kustomization + ": " + variable + " does not come from a Secret: " + value);
                assertEquals("keycloak-bootstrap-admin", value.getValueFrom().getSecretKeyRef().getName(),
                        kustomization + ": " + variable);
            }
        }
    }

    /**
     * The broker's users and permissions come from the definitions file it imports at every start; with definitions
     * to import RabbitMQ creates no default user, and none is asked for.
     */
    @Test
    void theBrokerImportsItsUsersFromTheDefinitionsFile() {
        PodSpec pod = DEV.get(StatefulSet.class, Services.NAMESPACE, "rabbitmq").getSpec().getTemplate().getSpec();
        Container broker = pod.getContainers().get(0);
        assertTrue(broker.getEnv().stream().noneMatch(variable -> variable.getName().startsWith("RABBITMQ_DEFAULT_")),
                "the broker is given a default user: " + broker.getEnv());
        VolumeMount configMount = broker.getVolumeMounts().stream()
                .filter(mount -> mount.getMountPath().startsWith("/etc/rabbitmq/conf.d/") && mount.getMountPath().endsWith(".conf"))
                .findFirst().orElseThrow(() -> new AssertionError("the broker mounts no file into /etc/rabbitmq/conf.d"));
        ConfigMap config = DEV.get(ConfigMap.class, Services.NAMESPACE, volume(pod, configMount.getName()).getConfigMap().getName());
        String loaded = config.getData().get(configMount.getSubPath()).lines()
                .filter(line -> line.startsWith("load_definitions")).map(line -> line.substring(line.indexOf('=') + 1).strip())
                .findFirst().orElseThrow(() -> new AssertionError("the broker's configuration sets no load_definitions"));
        Volume definitions = pod.getVolumes().stream().filter(volume -> volume.getSecret() != null).findFirst().orElseThrow();
        String directory = broker.getVolumeMounts().stream().filter(mount -> mount.getName().equals(definitions.getName()))
                .findFirst().orElseThrow().getMountPath();
        Secret secret = DEV.get(Secret.class, Services.NAMESPACE, definitions.getSecret().getSecretName());
        assertEquals(List.of(loaded), secret.getData().keySet().stream().map(key -> directory + "/" + key).toList(),
                "the broker loads definitions from a file its Secret does not hold");
    }

    private static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(volume -> volume.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyServiceRunsOneReplica() {
        for (Services service : Services.values()) {
            int replicas = DEV.minimumReplicas(service);
            assertEquals(1, replicas, service.name);
        }
    }

    @Test
    void theServicesAskForLessThanInTheBase() {
        ManifestSet base = ManifestSet.rendered("base");
        for (Services service : Services.values()) {
            assertTrue(memoryRequest(DEV, service) < memoryRequest(base, service), service.name + " asks for as much memory as in the base");
        }
    }

    private static long memoryRequest(ManifestSet manifests, Services service) {
        return manifests.get(Deployment.class, Services.NAMESPACE, service.name).getSpec().getTemplate().getSpec()
                .getContainers().get(0).getResources().getRequests().get("memory").getNumericalAmount().longValue();
    }

    private static void assertServiceAt(String host, int port, Services client) {
        Service service = DEV.get(Service.class, Services.NAMESPACE, host);
        assertFalse(service.getSpec().getPorts().stream().noneMatch(p -> p.getPort() == port),
                client.name + " calls " + host + ":" + port + ", a port Service " + host + " does not have");
    }
}
