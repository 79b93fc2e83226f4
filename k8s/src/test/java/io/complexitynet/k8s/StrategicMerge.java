package io.complexitynet.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes' strategic merge patch, as kustomize applies it, for the fields these manifests patch:
 * maps merge key by key, a null deletes, lists of containers, env, volumes, mounts and ports merge by
 * their key (the patch's items first, then the original's others, kustomize's order), other lists are
 * replaced. Patch directives ({@code $patch} and friends) are refused rather than misapplied.
 */
final class StrategicMerge {

    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "ephemeralContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath",
            "imagePullSecrets", "name");
    private static final Set<String> DIRECTIVES = Set.of(
            "$patch", "$retainKeys", "$deleteFromPrimitiveList", "$setElementOrder");

    private StrategicMerge() {
    }

    /** A new map: {@code original} with {@code patch} merged in; neither argument changes. */
    static Map<String, Object> apply(Map<String, Object> original, Map<String, Object> patch) {
        return mergeMaps(original, patch);
    }

    private static Map<String, Object> mergeMaps(Map<String, Object> original, Map<String, Object> patch) {
        Map<String, Object> merged = new LinkedHashMap<>(original);
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String field = entry.getKey();
            if (DIRECTIVES.stream().anyMatch(field::startsWith)) {
                throw new IllegalArgumentException("patch directive " + field + " is not supported");
            }
            Object value = entry.getValue();
            if (value == null) {
                merged.remove(field);
            } else if (merged.containsKey(field)) {
                merged.put(field, mergeValues(field, merged.get(field), value));
            } else {
                merged.put(field, withoutNulls(value));
            }
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Object mergeValues(String field, Object original, Object patch) {
        if (original instanceof Map<?, ?> originalMap && patch instanceof Map<?, ?> patchMap) {
            return mergeMaps((Map<String, Object>) originalMap, (Map<String, Object>) patchMap);
        }
        if (original instanceof List<?> originalList && patch instanceof List<?> patchList) {
            String key = mergeKey(field, patchList);
            if (key != null) {
                return mergeLists(key, (List<Object>) originalList, (List<Object>) patchList);
            }
        }
        return withoutNulls(patch);
    }

    private static String mergeKey(String field, List<?> items) {
        if ("ports".equals(field)) {
            // Container ports merge by containerPort, a Service's by port.
            return items.stream().anyMatch(item -> item instanceof Map<?, ?> map && map.containsKey("containerPort"))
                    ? "containerPort" : "port";
        }
        return MERGE_KEYS.get(field);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> mergeLists(String key, List<Object> original, List<Object> patch) {
        List<Object> merged = new ArrayList<>();
        List<Object> patchedKeys = new ArrayList<>();
        for (Object item : patch) {
            Map<String, Object> patchItem = (Map<String, Object>) item;
            Object id = patchItem.get(key);
            patchedKeys.add(id);
            Map<String, Object> match = original.stream().map(o -> (Map<String, Object>) o)
                    .filter(o -> id != null && id.equals(o.get(key))).findFirst().orElse(null);
            merged.add(match == null ? withoutNulls(patchItem) : mergeMaps(match, patchItem));
        }
        for (Object item : original) {
            if (!patchedKeys.contains(((Map<String, Object>) item).get(key))) {
                merged.add(item);
            }
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Object withoutNulls(Object value) {
        if (value instanceof Map<?, ?> map) {
            return mergeMaps(Map.of(), (Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StrategicMerge::withoutNulls).toList();
        }
        return value;
    }
}
