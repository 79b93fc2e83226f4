package io.complexitynet.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** One typed resource and where it came from (a file, or an overlay's rendering), for failure messages. */
record Manifest(String source, HasMetadata resource) {

    String id() {
        String namespace = resource.getMetadata().getNamespace();
        return resource.getKind() + " " + (namespace == null ? "" : namespace + "/") + resource.getMetadata().getName();
    }

    @Override
    public String toString() {
        return source + ": " + id();
    }
}
