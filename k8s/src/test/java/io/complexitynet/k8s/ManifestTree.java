package io.complexitynet.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The k8s/ directory: its YAML files, its kustomizations and the overlays a cluster is deployed from. */
final class ManifestTree {

    /** What `kubectl apply -k` is pointed at, plus the base both overlays build on. */
    static final List<String> DEPLOYABLE = List.of("base", "overlays/dev", "overlays/prod");

    private ManifestTree() {
    }

    /** The module directory; surefire runs in it and names it in the basedir property. */
    static Path root() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String relative(Path file) {
        return root().relativize(file.toAbsolutePath().normalize()).toString();
    }

    /** Every YAML file under base/ and overlays/, kustomizations included. */
    static List<Path> yamlFiles() {
        try (Stream<Path> base = Files.walk(path("base")); Stream<Path> overlays = Files.walk(path("overlays"))) {
            return Stream.concat(base, overlays)
                    .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isKustomization(Path file) {
        return file.getFileName().toString().equals("kustomization.yaml");
    }

    static List<Path> kustomizations() {
        return yamlFiles().stream().filter(ManifestTree::isKustomization).toList();
    }

    /** Files some kustomization lists as patches: partial objects, not resources of their own. */
    static Set<Path> patchFiles() {
        return listed("patches");
    }

    /** Files some kustomization lists under resources, patches or a generator. */
    static Set<Path> referencedFiles() {
        Set<Path> referenced = new HashSet<>();
        referenced.addAll(listed("resources"));
        referenced.addAll(listed("patches"));
        referenced.addAll(listed("configMapGenerator"));
        referenced.addAll(listed("secretGenerator"));
        return referenced;
    }

    @SuppressWarnings("unchecked")
    private static Set<Path> listed(String field) {
        Set<Path> files = new HashSet<>();
        for (Path kustomization : kustomizations()) {
            Path directory = kustomization.getParent();
            Map<String, Object> document = ManifestYaml.documents(kustomization).get(0);
            for (Object entry : (List<Object>) document.getOrDefault(field, List.of())) {
                if (entry instanceof String resource) {
                    files.add(directory.resolve(resource).normalize());
                } else if (entry instanceof Map<?, ?> generic) {
                    Map<String, Object> map = (Map<String, Object>) generic;
                    if (map.get("path") instanceof String patch) {
                        files.add(directory.resolve(patch).normalize());
                    }
                    for (String key : List.of("files", "envs")) {
                        for (Object file : (List<Object>) map.getOrDefault(key, List.of())) {
                            files.add(directory.resolve((String) file).normalize());
                        }
                    }
                }
            }
        }
        return files;
    }
}
