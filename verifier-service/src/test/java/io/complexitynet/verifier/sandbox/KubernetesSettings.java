package io.complexitynet.verifier.sandbox;

import io.complexitynet.verifier.config.VerifierConfig;
import java.time.Duration;
import java.util.Optional;

/** Test values for the Kubernetes configuration group, with short timeouts. */
record KubernetesSettings(Optional<String> namespace, String image, String python, Optional<String> runtimeClassName,
                          String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit,
                          String ephemeralStorage, String workDirSize, Duration podDeadlineMargin,
                          Duration startTimeout) implements VerifierConfig.Kubernetes {

    static KubernetesSettings defaults() {
        return new KubernetesSettings(Optional.empty(), "complexitynet/verifier-sandbox", "/usr/bin/python3", Optional.empty(), "250m", "1",
                "256Mi", "1Gi", "256Mi", "64Mi", Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    KubernetesSettings withRuntimeClassName(String name) {
        return new KubernetesSettings(namespace, image, python, Optional.of(name), cpuRequest, cpuLimit, memoryRequest,
                memoryLimit, ephemeralStorage, workDirSize, podDeadlineMargin, startTimeout);
    }

    KubernetesSettings withStartTimeout(Duration timeout) {
        return new KubernetesSettings(namespace, image, python, runtimeClassName, cpuRequest, cpuLimit, memoryRequest,
                memoryLimit, ephemeralStorage, workDirSize, podDeadlineMargin, timeout);
    }
}
