package io.complexitynet.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both overlays run exactly the images the image build made, by the digests it listed: its component k8s/images/
 * carries them in, and a tag or a stale digest would run code nobody built from this checkout.
 */
class BuiltImagesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everyServiceRunsTheImageBuiltForIt(String kustomization) {
        BuiltImages built = BuiltImages.read();
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        for (Services service : Services.values()) {
            PodSpec pod = manifests.get(Deployment.class, Services.NAMESPACE, service.name).getSpec().getTemplate().getSpec();
            for (Container container : containers(pod)) {
                assertEquals(built.reference(service.name), container.getImage(),
                        kustomization + ": " + service.name + ", container " + container.getName());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everyImageOfOursIsOneTheBuildMade(String kustomization) {
        BuiltImages built = BuiltImages.read();
        List<String> unbuilt = new ArrayList<>();
        for (Manifest manifest : ManifestSet.rendered(kustomization).manifests()) {
            Workloads.template(manifest.resource()).ifPresent(template -> {
                for (Container container : containers(template.getSpec())) {
                    if (built.isOurs(container.getImage()) && !built.made(container.getImage())) {
                        unbuilt.add(manifest + ", container " + container.getName() + ": " + container.getImage());
                    }
                }
            });
        }
        assertEquals(List.of(), unbuilt, kustomization + ": images of ours that " + BuiltImages.LIST + " does not list");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void theSandboxPodsRunTheSandboxImageBuilt(String kustomization) {
        ConfigMap image = ManifestSet.rendered(kustomization).get(ConfigMap.class, Services.NAMESPACE, "sandbox-image");
        assertEquals(BuiltImages.read().reference("verifier-sandbox"), image.getData().get("image"), kustomization);
    }

    @Test
    void aMissingListSaysToBuildTheImagesFirst(@TempDir Path dir) {
        AssertionError failure = assertThrows(AssertionError.class, () -> BuiltImages.read(dir.resolve("images.tsv")));

        assertTrue(failure.getMessage().contains("is missing: build the images first"), failure.getMessage());
    }

    private static List<Container> containers(PodSpec pod) {
        List<Container> containers = new ArrayList<>(pod.getInitContainers());
        containers.addAll(pod.getContainers());
        return containers;
    }
}
