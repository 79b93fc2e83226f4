package io.complexitynet.k8s;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads manifests: YAML documents as plain maps (what kustomize works on), and as Fabric8's typed objects. */
final class ManifestYaml {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();

    private ManifestYaml() {
    }

    /** Every non-empty document of a YAML file or stream, in order. */
    static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (MappingIterator<Map<String, Object>> values = YAML.readerForMapOf(Object.class).readValues(yaml)) {
            while (values.hasNext()) {
                Map<String, Object> document = values.next();
                if (document != null && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static List<Map<String, Object>> documents(Path file) {
        return documents(read(file));
    }

    /** The document as Fabric8 deserializes it: a typed class for a known kind, GenericKubernetesResource otherwise. */
    static HasMetadata typed(Map<String, Object> document) {
        return FABRIC8.convertValue(document, HasMetadata.class);
    }

    /** A typed object back as the plain map its YAML would give. */
    static Map<String, Object> plain(Object typed) {
        return FABRIC8.convertValue(typed, Map.class);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
