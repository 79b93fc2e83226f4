package io.complexitynet.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each manifest file on its own, as Fabric8 reads it: before any overlay changes it. */
class ManifestFilesTest {

    /** Kinds of the operators the overlays rely on; Fabric8 has no model classes for them. */
    private static final Set<String> CUSTOM_KINDS = Set.of(
            "postgresql.cnpg.io/v1 Cluster", "rabbitmq.com/v1beta1 RabbitmqCluster",
            "rabbitmq.com/v1beta1 User", "rabbitmq.com/v1beta1 Permission",
            "cert-manager.io/v1 Certificate", "cert-manager.io/v1 Issuer",
            "monitoring.coreos.com/v1 ServiceMonitor", "monitoring.coreos.com/v1 PrometheusRule");

    /** Kinds that belong to no namespace. */
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding");

    static Stream<Path> resourceFiles() {
        Set<Path> patches = ManifestTree.patchFiles();
        return ManifestTree.yamlFiles().stream()
                .filter(file -> !ManifestTree.isKustomization(file) && !patches.contains(file));
    }

    static Stream<Path> patchFiles() {
        return ManifestTree.patchFiles().stream().sorted();
    }

    @Test
    void theTreeHoldsTheBaseBothOverlaysAndTheirManifests() {
        List<String> kustomizations = ManifestTree.kustomizations().stream().map(ManifestTree::relative).toList();
        assertTrue(kustomizations.containsAll(List.of("base/kustomization.yaml", "base/keycloak/kustomization.yaml",
                "overlays/dev/kustomization.yaml", "overlays/prod/kustomization.yaml")), "kustomizations: " + kustomizations);
        assertTrue(resourceFiles().count() >= 30, "resource files: " + resourceFiles().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resourceFiles")
    void everyDocumentIsAKubernetesKindFabric8Knows(Path file) {
        ManifestSet manifests = ManifestSet.file(file);
        assertFalse(manifests.manifests().isEmpty(), ManifestTree.relative(file) + " holds no resource");
        for (Manifest manifest : manifests.manifests()) {
            if (manifest.resource() instanceof GenericKubernetesResource generic) {
                String kind = generic.getApiVersion() + " " + generic.getKind();
                assertTrue(CUSTOM_KINDS.contains(kind), manifest + ": " + kind + " is neither a Kubernetes kind nor an expected operator kind");
            }
            boolean clusterScoped = CLUSTER_SCOPED.contains(manifest.resource().getKind());
            assertEquals(clusterScoped, manifest.resource().getMetadata().getNamespace() == null, clusterScoped
                    ? manifest + " names a namespace, which a cluster-scoped kind has not"
                    : manifest + " names no namespace (the kustomizations set none, on purpose)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"resourceFiles", "patchFiles"})
    void noDocumentHasAFieldKubernetesDoesNotKnow(Path file) {
        List<String> unknown = ManifestSet.file(file).unknownFields();
        assertEquals(List.of(), unknown, "unknown fields:\n" + String.join("\n", unknown));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resourceFiles")
    void everyWorkloadMeetsTheInvariantsAlreadyInItsOwnFile(Path file) {
        List<String> problems = ManifestSet.file(file).invariantViolations();
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void everyFileIsUsedBySomeKustomization() {
        Set<Path> referenced = ManifestTree.referencedFiles();
        List<String> unused = ManifestTree.yamlFiles().stream()
                .filter(file -> !ManifestTree.isKustomization(file) && !referenced.contains(file))
                .map(ManifestTree::relative).toList();
        assertEquals(List.of(), unused, "YAML files no kustomization lists, so nothing deploys them");
    }
}
