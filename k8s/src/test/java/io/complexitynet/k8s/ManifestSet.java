package io.complexitynet.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Typed resources, from one file or from rendering an overlay, with lookups by kind and name. */
record ManifestSet(List<Manifest> manifests) {

    private static final Map<String, ManifestSet> RENDERED = new ConcurrentHashMap<>();

    /** The kustomization's output, rendered once per test run; tests only read it. */
    static ManifestSet rendered(String kustomization) {
        return RENDERED.computeIfAbsent(kustomization,
                name -> of(name, Kustomize.render(ManifestTree.path(name))));
    }

    static ManifestSet file(Path file) {
        return of(ManifestTree.relative(file), ManifestYaml.documents(file));
    }

    private static ManifestSet of(String source, List<Map<String, Object>> documents) {
        return new ManifestSet(documents.stream().map(document -> new Manifest(source, ManifestYaml.typed(document))).toList());
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return manifests.stream().map(Manifest::resource).filter(type::isInstance).map(type::cast).toList();
    }

    /** The operators' resources of one kind (Fabric8 has no classes for them); read fields with {@code get(path...)}. */
    List<GenericKubernetesResource> custom(String apiVersion, String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(resource -> apiVersion.equals(resource.getApiVersion()) && kind.equals(resource.getKind()))
                .toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String namespace, String name) {
        return all(type).stream()
                .filter(resource -> Objects.equals(namespace, resource.getMetadata().getNamespace()))
                .filter(resource -> name.equals(resource.getMetadata().getName()))
                .findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String namespace, String name) {
        return find(type, namespace, name).orElseThrow(() -> new AssertionError(
                source() + " has no " + type.getSimpleName() + " " + namespace + "/" + name));
    }

    /** Every broken workload invariant, one line each naming the manifest and container. */
    List<String> invariantViolations() {
        return manifests.stream().flatMap(manifest -> WorkloadInvariants.violations(manifest).stream()).toList();
    }

    /** Every field Kubernetes does not know, in the resources Fabric8 has model classes for. */
    List<String> unknownFields() {
        return manifests.stream().filter(manifest -> !(manifest.resource() instanceof GenericKubernetesResource))
                .flatMap(manifest -> UnknownFields.in(manifest.resource()).stream().map(field -> manifest + ": " + field))
                .toList();
    }

    /** The replicas a service runs at the least: its autoscaler's minimum, else its Deployment's count. */
    int minimumReplicas(Services service) {
        Deployment deployment = get(Deployment.class, Services.NAMESPACE, service.name);
        return find(HorizontalPodAutoscaler.class, Services.NAMESPACE, service.name)
                .map(autoscaler -> autoscaler.getSpec().getMinReplicas())
                .orElse(deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas());
    }

    String source() {
        return manifests.isEmpty() ? "(nothing)" : manifests.get(0).source();
    }
}
