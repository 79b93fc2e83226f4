package io.complexitynet.k8s;

/** Test fixtures: a workload around a pod spec, so a test shows only the pod it is about. */
final class WorkloadYaml {

    private WorkloadYaml() {
    }

    /** A {@code kind} (Deployment, StatefulSet) named {@code name} in {@code namespace}, its pods labelled app={@code name}. */
    static String of(String kind, String namespace, String name, String podSpec) {
        return """
                apiVersion: apps/v1
                kind: %s
                metadata: {name: %s, namespace: %s}
                spec:
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec:
                """.formatted(kind, name, namespace, name, name) + podSpec.indent(6);
    }
}
