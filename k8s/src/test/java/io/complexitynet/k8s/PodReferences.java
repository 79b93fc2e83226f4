package io.complexitynet.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The ConfigMaps and Secrets a pod reads: volumes (projected ones too), envFrom and env references. */
final class PodReferences {

    private PodReferences() {
    }

    /** "ConfigMap name" and "Secret name" for every object the pod reads. */
    static Set<String> of(PodSpec pod) {
        Set<String> references = new TreeSet<>();
        for (Volume volume : pod.getVolumes()) {
            if (volume.getConfigMap() != null) {
                references.add("ConfigMap " + volume.getConfigMap().getName());
            }
            if (volume.getSecret() != null) {
                references.add("Secret " + volume.getSecret().getSecretName());
            }
            if (volume.getProjected() != null) {
                for (VolumeProjection source : volume.getProjected().getSources()) {
                    if (source.getConfigMap() != null) {
                        references.add("ConfigMap " + source.getConfigMap().getName());
                    }
                    if (source.getSecret() != null) {
                        references.add("Secret " + source.getSecret().getName());
                    }
                }
            }
        }
        List<Container> containers = new ArrayList<>(pod.getInitContainers());
        containers.addAll(pod.getContainers());
        for (Container container : containers) {
            for (EnvFromSource source : container.getEnvFrom()) {
                if (source.getConfigMapRef() != null) {
                    references.add("ConfigMap " + source.getConfigMapRef().getName());
                }
                if (source.getSecretRef() != null) {
                    references.add("Secret " + source.getSecretRef().getName());
                }
            }
            for (EnvVar variable : container.getEnv()) {
                if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                    references.add("Secret " + variable.getValueFrom().getSecretKeyRef().getName());
                }
                if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                    references.add("ConfigMap " + variable.getValueFrom().getConfigMapKeyRef().getName());
                }
            }
        }
        return references;
    }
}
