package io.complexitynet.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renderer against outputs of kubectl 1.32 (kustomize v5.5.0), pinned here so the tests need no kubectl:
 * the expected suffixes and list orders below are what it printed for the same inputs.
 */
class KustomizeTest {

    @TempDir
    Path dir;

    @Test
    void generatedNamesCarryKustomizesHashSuffix() throws IOException {
        write("kustomization.yaml", """
                configMapGenerator:
                  - name: one
                    literals: [A=1]
                  - name: settings
                    namespace: ns1
                    envs: [settings.env]
                  - name: realm
                    namespace: ns1
                    files: [realm.json]
                secretGenerator:
                  - name: credentials
                    namespace: ns1
                    literals: [username=u, password=p<&>]
                """);
        write("settings.env", "# a comment\nA=1\nB=x y\n\nC=http://h:1/p?q=a&b\n");
        write("realm.json", "{\"a\": \"<b>\"}\n");

        List<String> names = Kustomize.render(dir).stream().map(r -> (String) Kustomize.metadata(r).get("name")).sorted().toList();

        assertEquals(List.of("credentials-44fkc447fc", "one-89g4tffbfk", "realm-72k4hbd489", "settings-cb4kc4g4g4"), names);
    }

    @Test
    void secretLiteralsAreStoredBase64Encoded() throws IOException {
        write("kustomization.yaml", """
                secretGenerator:
                  - name: credentials
                    literals: [password=p<&>]
                """);

        Map<String, Object> secret = Kustomize.render(dir).get(0);

        assertEquals(Map.of("password", "cDwmPg=="), secret.get("data"));
        assertEquals("Opaque", secret.get("type"));
    }

    @Test
    void aSecretValueOfSeventyBase64CharactersOrMoreIsStoredInLinesOfSeventy() throws IOException {
        write("kustomization.yaml", """
                secretGenerator:
                  - name: long
                    literals: [value=0123456789012345678901234567890123456789012345678901]
                """);

        Map<String, Object> secret = Kustomize.render(dir).get(0);

        assertEquals(Map.of("value", "MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMQ\n==\n"),
                secret.get("data"));
        assertEquals("long-bhdh27m4k4", Kustomize.metadata(secret).get("name"));
    }

    @Test
    void anOverlayMergesIntoTheBasesGeneratorAndReferencesFollowTheNewName() throws IOException {
        baseWithDeployment();
        write("overlay/kustomization.yaml", """
                resources: [../base]
                configMapGenerator:
                  - name: settings
                    namespace: ns1
                    behavior: merge
                    literals: [B=z, D=new]
                """);

        List<Map<String, Object>> rendered = Kustomize.render(dir.resolve("overlay"));

        assertEquals(Map.of("A", "1", "B", "z", "C", "http://h:1/p?q=a&b", "D", "new"), find(rendered, "ConfigMap").get("data"));
        assertEquals("settings-d6fck28tbd", Kustomize.metadata(find(rendered, "ConfigMap")).get("name"));
        Map<String, Object> container = list(PodSpecs.of(find(rendered, "Deployment")).get(0), "containers").get(0);
        assertEquals(List.of(Map.of("configMapRef", Map.of("name", "settings-d6fck28tbd"))), container.get("envFrom"));
        assertEquals(Map.of("secretKeyRef", Map.of("name", "credentials-44fkc447fc", "key", "password")),
                list(container, "env").get(0).get("valueFrom"));
    }

    @Test
    void aPatchMergesListsByKeyPatchItemsFirstAndNullDeletes() throws IOException {
        baseWithDeployment();
        write("overlay/kustomization.yaml", """
                resources: [../base]
                patches:
                  - path: patch.yaml
                """);
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d, namespace: ns1}
                spec:
                  replicas: 2
                  template:
                    spec:
                      containers:
                        - name: side
                          env: [{name: NEW, value: n}]
                        - name: c
                          args: [--only]
                          env:
                            - {name: NEW, value: n}
                            - {name: Q, value: q2}
                          resources: {requests: {cpu: 100m}, limits: {cpu: null}}
                          volumeMounts: [{name: t, mountPath: /tmp, readOnly: true}]
                """);

        Map<String, Object> deployment = find(Kustomize.render(dir.resolve("overlay")), "Deployment");
        Map<String, Object> pod = PodSpecs.of(deployment).get(0);
        List<Map<String, Object>> containers = list(pod, "containers");

        assertEquals(List.of("side", "c"), containers.stream().map(c -> c.get("name")).toList());
        Map<String, Object> main = containers.get(1);
        assertEquals(List.of("NEW", "Q", "P"), list(main, "env").stream().map(e -> e.get("name")).toList());
        assertEquals("q2", list(main, "env").get(1).get("value"));
        assertEquals(List.of("--only"), main.get("args"));
        assertEquals(Map.of("requests", Map.of("cpu", "100m", "memory", "1Gi"), "limits", Map.of()), main.get("resources"));
        assertEquals(List.of(Map.of("name", "t", "mountPath", "/tmp", "readOnly", true), Map.of("name", "r", "mountPath", "/r")),
                main.get("volumeMounts"));
        assertEquals(2, ((Map<?, ?>) deployment.get("spec")).get("replicas"));
    }

    @Test
    void imagesGetTheirNewNameAndTag() throws IOException {
        baseWithDeployment();
        write("overlay/kustomization.yaml", """
                resources: [../base]
                images:
                  - name: img/x
                    newName: registry.example.com:5000/x
                    newTag: "1.0"
                  - name: img/y
                    newTag: "2"
                """);

        List<Map<String, Object>> containers = list(PodSpecs.of(find(Kustomize.render(dir.resolve("overlay")), "Deployment")).get(0), "containers");

        assertEquals(List.of("registry.example.com:5000/x:1.0", "img/y:2"), containers.stream().map(c -> c.get("image")).toList());
    }

    @Test
    void aComponentMergesIntoAGeneratorAfterItsParentsOwnGenerators() throws IOException {
        overlayWithComponent();

        Map<String, Object> settings = named(Kustomize.render(dir.resolve("overlay")), "settings-g74977k8cg");

        assertEquals(Map.of("A", "1", "B", "overlay", "C", "http://h:1/p?q=a&b", "D", "component"), settings.get("data"));
    }

    @Test
    void aComponentAddsItsResourcesAndPatchesItsParentsBeforeTheParentsOwnPatches() throws IOException {
        overlayWithComponent();

        List<Map<String, Object>> rendered = Kustomize.render(dir.resolve("overlay"));

        assertEquals(Map.of("k", "component"), named(rendered, "added").get("data"));
        assertEquals(Map.of("k", "component", "j", "overlay"), named(rendered, "own").get("data"));
    }

    @Test
    void aComponentsImagesComeBeforeTheParentsAndANewTagReplacesADigest() throws IOException {
        overlayWithComponent();

        List<Map<String, Object>> containers = list(PodSpecs.of(find(Kustomize.render(dir.resolve("overlay")), "Deployment")).get(0), "containers");

        assertEquals(List.of("registry.example.com/x:overlay", "img/y@sha256:" + "2".repeat(64)),
                containers.stream().map(c -> c.get("image")).toList());
    }

    @Test
    void aMissingComponentSaysToBuildTheImagesFirst() throws IOException {
        write("kustomization.yaml", "components: [images]\n");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir));

        assertTrue(refused.getMessage().contains("is missing") && refused.getMessage().contains("build the images first"),
                refused.getMessage());
    }

    @Test
    void aKustomizationListedAsAComponentIsRefused() throws IOException {
        baseWithDeployment();
        write("kustomization.yaml", "components: [base]\n");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir));

        assertTrue(refused.getMessage().contains("is a Kustomization where a Component is expected"), refused.getMessage());
    }

    @Test
    void aComponentListedAsAResourceIsRefused() throws IOException {
        write("component/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n");
        write("kustomization.yaml", "resources: [component]\n");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir));

        assertTrue(refused.getMessage().contains("is a Component where a Kustomization is expected"), refused.getMessage());
    }

    @Test
    void aFieldTheRendererDoesNotImplementIsRefused() throws IOException {
        write("kustomization.yaml", "namespace: somewhere\nresources: []\n");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir));

        assertTrue(refused.getMessage().contains("\"namespace\" is not supported"), refused.getMessage());
    }

    @Test
    void aPatchThatMatchesNothingIsRefused() throws IOException {
        baseWithDeployment();
        write("overlay/kustomization.yaml", "resources: [../base]\npatches:\n  - path: patch.yaml\n");
        write("overlay/patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: other, namespace: ns1}\nspec: {replicas: 2}\n");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir.resolve("overlay")));

        assertTrue(refused.getMessage().contains("matches 0 resources"), refused.getMessage());
    }

    @Test
    void patchDirectivesAreRefusedRatherThanMisapplied() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> StrategicMerge.apply(Map.of("a", 1), Map.of("$patch", "replace")));

        assertTrue(refused.getMessage().contains("$patch"), refused.getMessage());
    }

    @Test
    void anImageWithARegistryPortAndNoTagKeepsThePortInItsName() {
        ImageReference image = ImageReference.parse("localhost:5000/complexitynet/router-service");

        assertEquals("localhost:5000/complexitynet/router-service", image.name());
        assertFalse(image.toString().endsWith(":"), image.toString());
        assertEquals("localhost:5000/complexitynet/router-service:1", image.with(null, "1", null).toString());
    }

    private void baseWithDeployment() throws IOException {
        write("base/kustomization.yaml", """
                resources: [deployment.yaml]
                configMapGenerator:
                  - name: settings
                    namespace: ns1
                    envs: [settings.env]
                secretGenerator:
                  - name: credentials
                    namespace: ns1
                    literals: [username=u, password=p<&>]
                """);
        write("base/settings.env", "A=1\nB=x y\nC=http://h:1/p?q=a&b\n");
        write("base/deployment.yaml", WorkloadYaml.of("Deployment", "ns1", "d", """
                containers:
                  - name: c
                    image: img/x
                    args: [--one, --two]
                    envFrom: [{configMapRef: {name: settings}}]
                    env:
                      - {name: P, valueFrom: {secretKeyRef: {name: credentials, key: password}}}
                      - {name: Q, value: q}
                    resources: {requests: {cpu: 1, memory: 1Gi}, limits: {cpu: "2"}}
                    volumeMounts: [{name: r, mountPath: /r}, {name: t, mountPath: /tmp}]
                  - name: side
                    image: img/y:1
                """));
    }

    /** An overlay of the base that merges, patches and sets images both itself and through a component. */
    private void overlayWithComponent() throws IOException {
        baseWithDeployment();
        write("overlay/kustomization.yaml", """
                resources: [../base, own.yaml]
                components: [../component]
                configMapGenerator:
                  - name: settings
                    namespace: ns1
                    behavior: merge
                    literals: [B=overlay, D=overlay]
                patches:
                  - path: patch.yaml
                images:
                  - name: registry.example.com/x
                    newTag: overlay
                """);
        write("overlay/own.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: own, namespace: ns1}\ndata: {k: own, j: own}\n");
        write("overlay/patch.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: own, namespace: ns1}\ndata: {j: overlay}\n");
        write("component/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1alpha1
                kind: Component
                resources: [added.yaml]
                configMapGenerator:
                  - name: settings
                    namespace: ns1
                    behavior: merge
                    literals: [D=component]
                patches:
                  - path: patch.yaml
                images:
                  - name: img/x
                    newName: registry.example.com/x
                    digest: sha256:%s
                  - name: img/y
                    digest: sha256:%s
                """.formatted("1".repeat(64), "2".repeat(64)));
        write("component/added.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: added, namespace: ns1}\ndata: {k: component}\n");
        write("component/patch.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: own, namespace: ns1}\ndata: {k: component, j: component}\n");
    }

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static Map<String, Object> find(List<Map<String, Object>> resources, String kind) {
        return resources.stream().filter(r -> kind.equals(Kustomize.kind(r))).findFirst().orElseThrow();
    }

    private static Map<String, Object> named(List<Map<String, Object>> resources, String name) {
        return resources.stream().filter(r -> name.equals(Kustomize.metadata(r).get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("nothing named " + name));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String field) {
        return (List<Map<String, Object>>) map.get(field);
    }
}
