package io.complexitynet.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java renderer and {@code kubectl kustomize} give the same objects for every kustomization here.
 * Needs a kubectl with kustomize v4 or later on the PATH (Debian's kubernetes-client package bundles
 * kustomize v2, too old for directories in resources); {@code .ci/run} fetches one where it is missing. Without it the
 * test fails: a renderer nothing checks is how manifests drift.
 */
class KubectlAgreementTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "base/keycloak", "overlays/dev", "overlays/prod"})
    void kubectlRendersTheSameObjects(String kustomization) throws IOException, InterruptedException {
        String kubectl = run("kubectl", "kustomize", ManifestTree.path(kustomization).toString());
        Map<String, Map<String, Object>> expected = byId(ManifestYaml.documents(kubectl));
        Map<String, Map<String, Object>> actual = byId(Kustomize.render(ManifestTree.path(kustomization)));

        assertEquals(expected.keySet(), actual.keySet(), kustomization + ": objects kubectl and the renderer produce");
        expected.forEach((id, object) -> assertEquals(object, actual.get(id), kustomization + ": " + id));
    }

    private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> objects) {
        Map<String, Map<String, Object>> byId = new TreeMap<>();
        objects.forEach(object -> byId.put(Kustomize.referenceKey(Kustomize.kind(object), Kustomize.namespace(object),
                (String) Kustomize.metadata(object).get("name")), object));
        return byId;
    }

    /** The command's output; the test fails when the command is missing or fails. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new AssertionError("no " + command[0] + " on the PATH: this test needs kubectl with kustomize v4 or later", e);
        }
        CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertTrue(exited && process.exitValue() == 0, String.join(" ", command) + " failed (kubectl's kustomize older than v4?): "
                + new String(errors.join(), StandardCharsets.UTF_8).strip());
        return output;
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
