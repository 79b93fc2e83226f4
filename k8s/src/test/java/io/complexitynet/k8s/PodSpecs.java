package io.complexitynet.k8s;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The pod specs inside a resource given as a plain map: a workload's template, or a Pod's own spec. */
final class PodSpecs {

    private static final Set<String> TEMPLATED = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

    private PodSpecs() {
    }

    static List<Map<String, Object>> of(Map<String, Object> resource) {
        String kind = Kustomize.kind(resource);
        Map<String, Object> spec = child(resource, "spec");
        if ("Pod".equals(kind)) {
            return spec == null ? List.of() : List.of(spec);
        }
        if ("CronJob".equals(kind)) {
            spec = child(child(spec, "jobTemplate"), "spec");
        } else if (!TEMPLATED.contains(kind)) {
            return List.of();
        }
        Map<String, Object> podSpec = child(child(spec, "template"), "spec");
        return podSpec == null ? List.of() : List.of(podSpec);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> map, String field) {
        return map == null ? null : (Map<String, Object>) map.get(field);
    }
}
