package io.complexitynet.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a service's container starts with: its ConfigMap's entries, then its own env entries,
 * a Secret reference shown as {@code secret:<name>/<key>}, a ConfigMap key as {@code configmap:<name>/<key>}.
 */
final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    static Map<String, String> of(ManifestSet manifests, Services service) {
        Deployment deployment = manifests.get(Deployment.class, Services.NAMESPACE, service.name);
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            String name = source.getConfigMapRef().getName();
            environment.putAll(manifests.get(ConfigMap.class, Services.NAMESPACE, name).getData());
        }
        for (EnvVar variable : container.getEnv()) {
            environment.put(variable.getName(), value(variable));
        }
        return environment;
    }

    private static String value(EnvVar variable) {
        EnvVarSource from = variable.getValueFrom();
        if (from == null) {
            return variable.getValue();
        }
        if (from.getSecretKeyRef() != null) {
            return "secret:" + from.getSecretKeyRef().getName() + "/" + from.getSecretKeyRef().getKey();
        }
        if (from.getConfigMapKeyRef() != null) {
            return "configmap:" + from.getConfigMapKeyRef().getName() + "/" + from.getConfigMapKeyRef().getKey();
        }
        throw new AssertionError(variable.getName() + " comes from neither a Secret nor a ConfigMap: " + from);
    }
}
