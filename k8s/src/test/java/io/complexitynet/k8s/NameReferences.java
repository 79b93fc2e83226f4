package io.complexitynet.k8s;

import java.util.List;
import java.util.Map;

/**
 * Points a pod spec's references to generated ConfigMaps and Secrets at their hashed names, as
 * kustomize's name-reference transformer does: volumes (also projected), envFrom, env valueFrom and
 * imagePullSecrets, within the pod's namespace.
 */
final class NameReferences {

    private NameReferences() {
    }

    /** {@code renamed} maps {@link Kustomize#referenceKey} of a generated object to its final name. */
    static void rename(Map<String, Object> pod, String namespace, Map<String, String> renamed) {
        for (Map<String, Object> volume : list(pod, "volumes")) {
            rename(volume.get("configMap"), "name", "ConfigMap", namespace, renamed);
            rename(volume.get("secret"), "secretName", "Secret", namespace, renamed);
            if (volume.get("projected") instanceof Map<?, ?> projected) {
                for (Map<String, Object> source : list(cast(projected), "sources")) {
                    rename(source.get("configMap"), "name", "ConfigMap", namespace, renamed);
                    rename(source.get("secret"), "name", "Secret", namespace, renamed);
                }
            }
        }
        for (Map<String, Object> secret : list(pod, "imagePullSecrets")) {
            rename(secret, "name", "Secret", namespace, renamed);
        }
        for (String field : List.of("initContainers", "containers")) {
            for (Map<String, Object> container : list(pod, field)) {
                for (Map<String, Object> source : list(container, "envFrom")) {
                    rename(source.get("configMapRef"), "name", "ConfigMap", namespace, renamed);
                    rename(source.get("secretRef"), "name", "Secret", namespace, renamed);
                }
                for (Map<String, Object> variable : list(container, "env")) {
                    if (variable.get("valueFrom") instanceof Map<?, ?> from) {
                        rename(from.get("configMapKeyRef"), "name", "ConfigMap", namespace, renamed);
                        rename(from.get("secretKeyRef"), "name", "Secret", namespace, renamed);
                    }
                }
            }
        }
    }

    private static void rename(Object reference, String field, String kind, String namespace, Map<String, String> renamed) {
        if (reference instanceof Map<?, ?> map) {
            Map<String, Object> target = cast(map);
            String finalName = renamed.get(Kustomize.referenceKey(kind, namespace, (String) target.get(field)));
            if (finalName != null) {
                target.put(field, finalName);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String field) {
        return (List<Map<String, Object>>) map.getOrDefault(field, List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
