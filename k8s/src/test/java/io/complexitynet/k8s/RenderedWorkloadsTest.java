package io.complexitynet.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What holds in the rendered output of the base and of each overlay, i.e. in what a cluster receives. */
class RenderedWorkloadsTest {

    static final List<String> DEPLOYABLE = ManifestTree.DEPLOYABLE;

    /**
     * ConfigMaps and Secrets the pods need that neither the rendering nor a rendered operator resource makes, per
     * kustomization (k8s/README.md lists them).
     */
    private static final Map<String, Set<String>> CREATED_BY_HAND = Map.of(
            "base", Set.of("ConfigMap mbpp-generations", "ConfigMap mbpp-tasks", "Secret complexitynet-db",
                    "Secret verifier-rabbitmq", "Secret labeler-rabbitmq", "Secret trainer-rabbitmq",
                    "Secret router-rabbitmq", "Secret router-oidc-client"),
            "overlays/dev", Set.of("ConfigMap mbpp-generations", "ConfigMap mbpp-tasks", "Secret keycloak-bootstrap-admin"),
            "overlays/prod", Set.of("ConfigMap mbpp-generations", "ConfigMap mbpp-tasks",
                    "Secret complexitynet-db-app", "Secret router-oidc-client"));

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void everyContainerHasLimitsProbesAndARestrictedReadOnlySecurityContext(String kustomization) {
        List<String> problems = ManifestSet.rendered(kustomization).invariantViolations();
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    /**
     * A cluster never runs a service with auth off: no rendered object (env, ConfigMap, Secret, arguments) names a
     * complexitynet.auth setting in any spelling, so neither auth.enabled=false nor the off-acknowledgement can be set.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void noObjectTouchesTheAuthSwitch(String kustomization) {
        assertEquals(List.of(), objectsNaming(kustomization, "complexitynet[._-]*auth"), kustomization + ": objects that set complexitynet.auth.*");
    }

    /**
     * No service is told to serve plaintext gRPC off loopback: no rendered object names the plaintext acknowledgement
     * (complexitynet.transport.plaintext-acknowledgement) in any spelling. TLS itself: TlsTest.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void noObjectAcknowledgesPlaintext(String kustomization) {
        assertEquals(List.of(), objectsNaming(kustomization, "plaintext[._-]*acknowledgement"),
                kustomization + ": objects that acknowledge plaintext gRPC");
    }

    /** The rendered objects (kind and name) in which the pattern occurs, case aside, Secrets' data decoded. */
    private static List<String> objectsNaming(String kustomization, String pattern) {
        Pattern setting = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
        return Kustomize.render(ManifestTree.path(kustomization)).stream()
                .filter(object -> setting.matcher(object + decodedSecretData(object)).find())
                .map(object -> Kustomize.kind(object) + " " + Kustomize.metadata(object).get("name")).toList();
    }

    /** A Secret's data is base64: decoded, a key or value that sets auth shows as in any other object. */
    private static String decodedSecretData(Map<String, Object> object) {
        if (!"Secret".equals(Kustomize.kind(object)) || !(object.get("data") instanceof Map<?, ?> data)) {
            return "";
        }
        return data.values().stream().map(value -> new String(Base64.getMimeDecoder().decode(String.valueOf(value)), StandardCharsets.UTF_8))
                .collect(Collectors.joining("\n"));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void theRenderingHasNoFieldKubernetesDoesNotKnow(String kustomization) {
        List<String> unknown = ManifestSet.rendered(kustomization).unknownFields();
        assertEquals(List.of(), unknown, "unknown fields:\n" + String.join("\n", unknown));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void everyServiceSelectsTheLabelsOfAWorkloadThatHasItsTargetPort(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        List<Service> services = manifests.all(Service.class);
        assertFalse(services.isEmpty(), kustomization + " renders no Service");
        for (Service service : services) {
            String id = kustomization + ": Service " + service.getMetadata().getName();
            Map<String, String> selector = service.getSpec().getSelector();
            assertFalse(selector == null || selector.isEmpty(), id + " selects nothing");
            List<PodTemplateSpec> selected = manifests.manifests().stream()
                    .filter(m -> Objects.equals(m.resource().getMetadata().getNamespace(), service.getMetadata().getNamespace()))
                    .flatMap(m -> Workloads.template(m.resource()).stream())
                    .filter(template -> template.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .toList();
            assertEquals(1, selected.size(), id + " selects " + selected.size() + " workloads' pods with " + selector);
            for (ServicePort port : service.getSpec().getPorts()) {
                assertTrue(hasPort(selected.get(0).getSpec(), port.getTargetPort()),
                        id + ": no container of the selected pods has target port " + port.getTargetPort());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void everyServiceHasOneDisruptionBudgetCoveringItsPods(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        for (String service : Services.names()) {
            Map<String, String> labels = manifests.get(Deployment.class, Services.NAMESPACE, service)
                    .getSpec().getTemplate().getMetadata().getLabels();
            List<PodDisruptionBudget> budgets = manifests.all(PodDisruptionBudget.class).stream()
                    .filter(budget -> LabelSelectors.matches(budget.getSpec().getSelector(), labels)).toList();
            assertEquals(1, budgets.size(), kustomization + ": " + service + " is covered by " + budgets.size() + " PodDisruptionBudgets");
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void routerAndVerifierScaleOnCpuAndTheAutoscalerAloneSetsTheirReplicas(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        for (Services service : List.of(Services.ROUTER, Services.VERIFIER)) {
            HorizontalPodAutoscaler autoscaler = manifests.get(HorizontalPodAutoscaler.class, Services.NAMESPACE, service.name);
            String id = kustomization + ": HorizontalPodAutoscaler " + service.name;
            assertEquals("Deployment", autoscaler.getSpec().getScaleTargetRef().getKind(), id);
            assertEquals(service.name, autoscaler.getSpec().getScaleTargetRef().getName(), id);
            assertTrue(autoscaler.getSpec().getMetrics().stream().anyMatch(metric -> metric.getResource() != null
                    && "cpu".equals(metric.getResource().getName())), id + " does not scale on CPU");
            assertTrue(autoscaler.getSpec().getMinReplicas() >= 1
                    && autoscaler.getSpec().getMinReplicas() < autoscaler.getSpec().getMaxReplicas(), id + ": min/max");
            Deployment deployment = manifests.get(Deployment.class, Services.NAMESPACE, service.name);
            assertNull(deployment.getSpec().getReplicas(),
                    kustomization + ": Deployment " + service.name + " sets replicas, which each apply would reset under the autoscaler");
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void everyConfigMapAndSecretAPodNeedsIsRenderedMadeByAnOperatorOrListedAsCreatedByHand(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        Set<String> made = secretsMadeByOperators(manifests);
        Set<String> missing = new TreeSet<>();
        for (Manifest manifest : manifests.manifests()) {
            String namespace = manifest.resource().getMetadata().getNamespace();
            Workloads.template(manifest.resource()).ifPresent(template -> {
                for (String reference : PodReferences.of(template.getSpec())) {
                    String[] kindAndName = reference.split(" ");
                    Class<? extends HasMetadata> type = kindAndName[0].equals("Secret") ? Secret.class : ConfigMap.class;
                    if (manifests.find(type, namespace, kindAndName[1]).isEmpty() && !made.contains(reference)) {
                        missing.add(reference);
                    }
                }
            });
        }
        assertEquals(new TreeSet<>(CREATED_BY_HAND.get(kustomization)), missing,
                kustomization + ": objects referenced but not rendered differ from those k8s/README.md says to create");
    }

    /** Secrets rendered operator resources write: a Certificate's spec.secretName, a broker User's credentials. */
    private static Set<String> secretsMadeByOperators(ManifestSet manifests) {
        Set<String> made = new TreeSet<>();
        manifests.custom("cert-manager.io/v1", "Certificate")
                .forEach(certificate -> made.add("Secret " + certificate.get("spec", "secretName")));
        manifests.custom("rabbitmq.com/v1beta1", "User")
                .forEach(user -> made.add("Secret " + user.getMetadata().getName() + "-user-credentials"));
        return made;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everyImageOfAnOverlayIsPinnedToATag(String kustomization) {
        for (Manifest manifest : ManifestSet.rendered(kustomization).manifests()) {
            Workloads.template(manifest.resource()).ifPresent(template -> {
                List<Container> containers = new ArrayList<>(template.getSpec().getInitContainers());
                containers.addAll(template.getSpec().getContainers());
                for (Container container : containers) {
                    ImageReference image = ImageReference.parse(container.getImage());
                    assertTrue(image.digest() != null || (image.tag() != null && !image.tag().equals("latest")),
                            manifest + ", container " + container.getName() + ": image " + container.getImage() + " has no fixed tag");
                }
            });
        }
    }

    private static boolean hasPort(PodSpec pod, IntOrString target) {
        return pod.getContainers().stream().flatMap(container -> container.getPorts().stream())
                .anyMatch(port -> target.getStrVal() != null ? target.getStrVal().equals(port.getName())
                        : target.getIntVal().equals(port.getContainerPort()));
    }
}
