package io.complexitynet.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The broker user a service logs in as in a rendering, the Secret its credentials come from, and the user's
 * permission regexes in the default vhost: in dev from the definitions file the broker imports, in prod from the
 * Messaging Topology Operator's User and Permission resources.
 */
record BrokerGrant(String user, String secret, Map<BrokerNeeds.Permission, Pattern> permissions) {

    private static final String API = "rabbitmq.com/v1beta1";

    /** As RabbitMQ decides it: the regex found anywhere in the name (so only anchors bound it); "" allows nothing. */
    boolean allows(BrokerNeeds.Permission permission, String name) {
        Pattern pattern = permissions.get(permission);
        return !pattern.pattern().isEmpty() && pattern.matcher(name).find();
    }

    /** Each service's grant; fails when a service's credentials name no user the broker knows. */
    static Map<Services, BrokerGrant> of(ManifestSet manifests) {
        Map<Services, BrokerGrant> grants = new EnumMap<>(Services.class);
        boolean operated = !manifests.custom(API, "RabbitmqCluster").isEmpty();
        JsonNode definitions = operated ? null : definitions(manifests);
        for (Services service : Services.values()) {
            Map<String, String> environment = ServiceEnvironment.of(manifests, service);
            String[] username = secretKey(environment, "RABBITMQ_USERNAME", service);
            String[] password = secretKey(environment, "RABBITMQ_PASSWORD", service);
            if (!username[0].equals(password[0]) || !username[1].equals("username") || !password[1].equals("password")) {
                throw new AssertionError(service.name + " takes its broker username and password from "
                        + environment.get("RABBITMQ_USERNAME") + " and " + environment.get("RABBITMQ_PASSWORD")
                        + ", not the keys username and password of one Secret");
            }
            grants.put(service, operated ? operated(manifests, service, environment.get("RABBITMQ_HOST"), username[0])
                    : defined(manifests, definitions, service, username[0]));
        }
        return grants;
    }

    private static BrokerGrant defined(ManifestSet manifests, JsonNode definitions, Services service, String secretName) {
        Secret secret = manifests.get(Secret.class, Services.NAMESPACE, secretName);
        String user = decoded(secret, "username");
        JsonNode account = only(definitions.get("users"), "name", user, service);
        if (!decoded(secret, "password").equals(account.path("password").asText())) {
            throw new AssertionError(service.name + ": the password in Secret " + secretName + " is not user " + user
                    + "'s in the broker's definitions");
        }
        JsonNode permission = only(definitions.get("permissions"), "user", user, service);
        if (!"/".equals(permission.path("vhost").asText())) {
            throw new AssertionError(service.name + ": user " + user + "'s permissions are not for the default vhost");
        }
        return new BrokerGrant(user, secretName, patterns(permission.path("configure").asText(),
                permission.path("write").asText(), permission.path("read").asText()));
    }

    private static BrokerGrant operated(ManifestSet manifests, Services service, String cluster, String secretName) {
        GenericKubernetesResource user = manifests.custom(API, "User").stream()
                .filter(candidate -> (candidate.getMetadata().getName() + "-user-credentials").equals(secretName))
                .findFirst().orElseThrow(() -> new AssertionError(service.name + ": Secret " + secretName
                        + " is not the credentials Secret of any broker User"));
        String name = user.getMetadata().getName();
        List<GenericKubernetesResource> permissions = manifests.custom(API, "Permission").stream()
                .filter(permission -> name.equals(permission.get("spec", "userReference", "name"))).toList();
        if (permissions.size() != 1) {
            throw new AssertionError(service.name + ": User " + name + " has " + permissions.size() + " Permissions, not one");
        }
        GenericKubernetesResource permission = permissions.get(0);
        for (GenericKubernetesResource resource : List.of(user, permission)) {
            if (!cluster.equals(resource.get("spec", "rabbitmqClusterReference", "name"))) {
                throw new AssertionError(resource.getKind() + " " + resource.getMetadata().getName()
                        + " is not for the broker " + cluster + " the service connects to");
            }
        }
        if (!"/".equals(permission.get("spec", "vhost"))) {
            throw new AssertionError("Permission " + permission.getMetadata().getName() + " is not for the default vhost");
        }
        return new BrokerGrant(name, secretName, patterns(permission.get("spec", "permissions", "configure"),
                permission.get("spec", "permissions", "write"), permission.get("spec", "permissions", "read")));
    }

    /** The definitions file the dev broker imports: the one Secret its StatefulSet mounts. */
    private static JsonNode definitions(ManifestSet manifests) {
        StatefulSet broker = manifests.get(StatefulSet.class, Services.NAMESPACE, "rabbitmq");
        List<Volume> secrets = broker.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(volume -> volume.getSecret() != null).toList();
        if (secrets.size() != 1) {
            throw new AssertionError("the broker mounts " + secrets.size() + " Secrets, not one definitions file");
        }
        Secret secret = manifests.get(Secret.class, Services.NAMESPACE, secrets.get(0).getSecret().getSecretName());
        if (secret.getData().size() != 1) {
            throw new AssertionError("Secret " + secret.getMetadata().getName() + " holds more than the definitions file");
        }
        try {
            return new ObjectMapper().readTree(decoded(secret, secret.getData().keySet().iterator().next()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode only(JsonNode entries, String field, String value, Services service) {
        JsonNode found = null;
        for (JsonNode entry : entries) {
            if (value.equals(entry.path(field).asText())) {
                if (found != null) {
                    throw new AssertionError(service.name + ": the broker's definitions list " + value + " twice");
                }
                found = entry;
            }
        }
        if (found == null) {
            throw new AssertionError(service.name + ": the broker's definitions have no entry with " + field + " " + value);
        }
        return found;
    }

    private static String[] secretKey(Map<String, String> environment, String variable, Services service) {
        String value = environment.get(variable);
        if (value == null || !value.startsWith("secret:")) {
            throw new AssertionError(service.name + ": " + variable + " is " + value + ", not read from a Secret");
        }
        return value.substring("secret:".length()).split("/", 2);
    }

    static String decoded(Secret secret, String key) {
        return new String(Base64.getMimeDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static Map<BrokerNeeds.Permission, Pattern> patterns(String configure, String write, String read) {
        Map<BrokerNeeds.Permission, Pattern> patterns = new EnumMap<>(BrokerNeeds.Permission.class);
        patterns.put(BrokerNeeds.Permission.CONFIGURE, Pattern.compile(configure));
        patterns.put(BrokerNeeds.Permission.WRITE, Pattern.compile(write));
        patterns.put(BrokerNeeds.Permission.READ, Pattern.compile(read));
        return patterns;
    }
}
