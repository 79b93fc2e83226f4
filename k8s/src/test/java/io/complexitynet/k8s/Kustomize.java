package io.complexitynet.k8s;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders a kustomization directory as {@code kubectl kustomize} does, for the part of kustomize these
 * manifests use: {@code resources} (files and directories), {@code configMapGenerator} and
 * {@code secretGenerator} (envs, files, literals, a namespace, behavior create or merge), {@code patches}
 * (strategic merge, from a file naming its targets), {@code images} and {@code components} (directories
 * holding a {@code kind: Component} of those same fields). Generated names get kustomize's
 * hash suffix and references to them in pod specs follow. Anything else is refused, so a manifest can
 * never silently rely on a feature rendered differently here; {@code KubectlAgreementTest} compares
 * the output with kubectl's wherever kubectl is installed.
 */
final class Kustomize {

    private static final Set<String> FIELDS = Set.of(
            "apiVersion", "kind", "resources", "configMapGenerator", "secretGenerator", "components", "patches", "images");
    private static final String KUSTOMIZATION = "Kustomization";
    private static final String COMPONENT = "Component";
    private static final String COMPONENT_API_VERSION = "kustomize.config.k8s.io/v1alpha1";
    private static final Set<String> GENERATOR_FIELDS = Set.of("name", "namespace", "behavior", "envs", "files", "literals");
    private static final Set<String> IMAGE_FIELDS = Set.of("name", "newName", "newTag", "digest");
    private static final int BASE64_LINE = 70;

    /** A resource on its way through the levels; generated ones get their final name at the top. */
    private record Item(Map<String, Object> body, boolean generated) {
    }

    private Kustomize() {
    }

    /** The resources the kustomization in {@code directory} produces, with generated names final. */
    static List<Map<String, Object>> render(Path directory) {
        List<Item> items = level(directory);
        Map<String, String> renamed = new HashMap<>();
        for (Item item : items) {
            if (item.generated()) {
                Map<String, Object> metadata = metadata(item.body());
                String name = (String) metadata.get("name");
                String finalName = name + "-" + NameSuffix.of(item.body());
                renamed.put(referenceKey(kind(item.body()), namespace(item.body()), name), finalName);
                metadata.put("name", finalName);
            }
        }
        List<Map<String, Object>> rendered = new ArrayList<>();
        for (Item item : items) {
            PodSpecs.of(item.body()).forEach(pod -> NameReferences.rename(pod, namespace(item.body()), renamed));
            rendered.add(item.body());
        }
        return rendered;
    }

    private static List<Item> level(Path directory) {
        List<Item> items = new ArrayList<>();
        accumulate(directory, KUSTOMIZATION, items);
        return items;
    }

    /**
     * Adds what the kustomization in {@code directory} makes to {@code items} and transforms them all, in
     * kustomize's order (v5.1 and later): resources, generators, components, then patches and images. A component
     * thus works on everything its parent has gathered, and the parent's own patches and images come after it.
     */
    private static void accumulate(Path directory, String kind, List<Item> items) {
        Path file = directory.resolve("kustomization.yaml");
        Map<String, Object> kustomization = kustomization(file, kind);
        for (String resource : strings(kustomization, "resources")) {
            Path path = directory.resolve(resource).normalize();
            if (Files.isDirectory(path)) {
                items.addAll(level(path));
            } else {
                ManifestYaml.documents(path).forEach(document -> items.add(new Item(document, false)));
            }
        }
        generate(file, items, maps(kustomization, "configMapGenerator"), "ConfigMap");
        generate(file, items, maps(kustomization, "secretGenerator"), "Secret");
        for (String component : strings(kustomization, "components")) {
            Path path = directory.resolve(component).normalize();
            if (!Files.isDirectory(path)) {
                throw new IllegalArgumentException("component " + path + " of " + file + " is missing: the overlays'"
                        + " component k8s/images/ is the image build's output, so build the images first (see images/README.md)");
            }
            accumulate(path, COMPONENT, items);
        }
        for (Map<String, Object> patch : maps(kustomization, "patches")) {
            refuseUnknown(file, patch, Set.of("path"));
            Path patchFile = directory.resolve((String) patch.get("path")).normalize();
            ManifestYaml.documents(patchFile).forEach(document -> patch(patchFile, items, document));
        }
        for (Map<String, Object> image : maps(kustomization, "images")) {
            refuseUnknown(file, image, IMAGE_FIELDS);
            items.forEach(item -> PodSpecs.of(item.body()).forEach(pod -> setImage(pod, image)));
        }
        refuseDuplicates(file, items);
    }

    /** The one document of {@code file}, of {@code kind}: kustomize refuses a Component in resources and the reverse. */
    private static Map<String, Object> kustomization(Path file, String kind) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file.getParent() + " has no kustomization.yaml");
        }
        List<Map<String, Object>> documents = ManifestYaml.documents(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " must hold exactly one document");
        }
        Map<String, Object> kustomization = documents.get(0);
        refuseUnknown(file, kustomization, FIELDS);
        String actual = (String) kustomization.getOrDefault("kind", KUSTOMIZATION);
        if (!kind.equals(actual)) {
            throw new IllegalArgumentException(file + " is a " + actual + " where a " + kind + " is expected");
        }
        if (COMPONENT.equals(kind) && !COMPONENT_API_VERSION.equals(kustomization.get("apiVersion"))) {
            throw new IllegalArgumentException(file + ": a Component's apiVersion must be " + COMPONENT_API_VERSION);
        }
        return kustomization;
    }

    private static void generate(Path file, List<Item> items, List<Map<String, Object>> generators, String kind) {
        for (Map<String, Object> generator : generators) {
            refuseUnknown(file, generator, GENERATOR_FIELDS);
            String name = (String) generator.get("name");
            String namespace = (String) generator.get("namespace");
            Map<String, String> data = generatorData(file.getParent(), generator);
            String behavior = (String) generator.getOrDefault("behavior", "create");
            Item existing = items.stream()
                    .filter(item -> item.generated() && kind.equals(kind(item.body()))
                            && name.equals(metadata(item.body()).get("name"))
                            && Objects.equals(namespace, namespace(item.body())))
                    .findFirst().orElse(null);
            switch (behavior) {
                case "create" -> {
                    if (existing != null) {
                        throw new IllegalArgumentException(file + ": " + kind + " " + name + " is generated twice");
                    }
                    items.add(new Item(generated(kind, name, namespace, data), true));
                }
                case "merge" -> {
                    if (existing == null) {
                        throw new IllegalArgumentException(file + ": no generated " + kind + " " + name + " to merge into");
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> old = (Map<String, Object>) existing.body().get("data");
                    Map<String, Object> mergedData = new LinkedHashMap<>(old);
                    mergedData.putAll(encoded(kind, data));
                    existing.body().put("data", mergedData);
                }
                default -> throw new IllegalArgumentException(file + ": generator behavior " + behavior + " is not supported");
            }
        }
    }

    private static Map<String, String> generatorData(Path directory, Map<String, Object> generator) {
        Map<String, String> data = new LinkedHashMap<>();
        for (String envFile : strings(generator, "envs")) {
            for (String line : ManifestYaml.read(directory.resolve(envFile)).split("\n")) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    putPair(data, entry, envFile);
                }
            }
        }
        for (String file : strings(generator, "files")) {
            Path path = directory.resolve(file).normalize();
            data.put(path.getFileName().toString(), ManifestYaml.read(path));
        }
        for (String literal : strings(generator, "literals")) {
            putPair(data, literal, "literals");
        }
        return data;
    }

    private static void putPair(Map<String, String> data, String pair, String source) {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException(source + ": \"" + pair + "\" is not KEY=value");
        }
        data.put(pair.substring(0, equals), pair.substring(equals + 1));
    }

    private static Map<String, Object> generated(String kind, String name, String namespace, Map<String, String> data) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", "v1");
        body.put("kind", kind);
        body.put("metadata", metadata);
        body.put("data", encoded(kind, data));
        if ("Secret".equals(kind)) {
            body.put("type", "Opaque");
        }
        return body;
    }

    private static Map<String, Object> encoded(String kind, Map<String, String> data) {
        Map<String, Object> encoded = new LinkedHashMap<>();
        data.forEach((key, value) -> encoded.put(key, "Secret".equals(kind) ? base64Lines(value) : value));
        return encoded;
    }

    /**
     * A Secret value as kustomize stores it (kyaml's encodeBase64): base64, and once it reaches 70 characters,
     * broken into lines of 70, each ending in a newline. The hash suffix is computed over this form.
     */
    static String base64Lines(String value) {
        String base64 = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
        if (base64.length() < BASE64_LINE) {
            return base64;
        }
        StringBuilder lines = new StringBuilder();
        for (int start = 0; start < base64.length(); start += BASE64_LINE) {
            lines.append(base64, start, Math.min(start + BASE64_LINE, base64.length())).append('\n');
        }
        return lines.toString();
    }

    private static void patch(Path patchFile, List<Item> items, Map<String, Object> patch) {
        String kind = kind(patch);
        String name = (String) metadata(patch).get("name");
        String namespace = namespace(patch);
        List<Integer> targets = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> body = items.get(i).body();
            if (kind.equals(kind(body)) && name.equals(metadata(body).get("name"))
                    && (namespace == null || namespace.equals(namespace(body)))) {
                targets.add(i);
            }
        }
        if (targets.size() != 1) {
            throw new IllegalArgumentException(patchFile + ": the patch of " + kind + " " + name + " matches "
                    + targets.size() + " resources, not exactly one");
        }
        Item target = items.get(targets.get(0));
        items.set(targets.get(0), new Item(StrategicMerge.apply(target.body(), patch), target.generated()));
    }

    @SuppressWarnings("unchecked")
    private static void setImage(Map<String, Object> pod, Map<String, Object> image) {
        for (String field : List.of("initContainers", "containers")) {
            for (Object container : (List<Object>) pod.getOrDefault(field, List.of())) {
                Map<String, Object> spec = (Map<String, Object>) container;
                ImageReference current = ImageReference.parse((String) spec.get("image"));
                if (current.name().equals(image.get("name"))) {
                    spec.put("image", current.with((String) image.get("newName"), (String) image.get("newTag"),
                            (String) image.get("digest")).toString());
                }
            }
        }
    }

    private static void refuseDuplicates(Path file, List<Item> items) {
        Set<String> seen = new HashSet<>();
        for (Item item : items) {
            String id = kind(item.body()) + " " + namespace(item.body()) + "/" + metadata(item.body()).get("name");
            if (!seen.add(id)) {
                throw new IllegalArgumentException(file + ": " + id + " appears twice");
            }
        }
    }

    private static void refuseUnknown(Path file, Map<String, Object> map, Set<String> known) {
        for (String field : map.keySet()) {
            if (!known.contains(field)) {
                throw new IllegalArgumentException(file + ": \"" + field + "\" is not supported by this renderer");
            }
        }
    }

    static String referenceKey(String kind, String namespace, String name) {
        return kind + " " + namespace + "/" + name;
    }

    static String kind(Map<String, Object> body) {
        return (String) body.get("kind");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> body) {
        return (Map<String, Object>) body.get("metadata");
    }

    static String namespace(Map<String, Object> body) {
        return (String) metadata(body).get("namespace");
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> map, String field) {
        return (List<String>) map.getOrDefault(field, List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Map<String, Object> map, String field) {
        return (List<Map<String, Object>>) map.getOrDefault(field, List.of());
    }
}
