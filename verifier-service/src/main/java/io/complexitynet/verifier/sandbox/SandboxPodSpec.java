package io.complexitynet.verifier.sandbox;

import io.complexitynet.verifier.config.VerifierConfig;
import io.complexitynet.verifier.domain.SandboxRun;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects one batch runs as: a ConfigMap with the runner, the supervisor and every candidate's
 * input, and a pod meeting the "restricted" Pod Security Standard that mounts it read-only.
 */
final class SandboxPodSpec {

    static final String BATCH_DIR = "/batch";
    static final String WORK_DIR = "/work";
    static final String CONTAINER = "sandbox";
    static final Map<String, String> LABELS = Map.of(
            "app.kubernetes.io/part-of", "complexitynet",
            "app.kubernetes.io/component", "verifier-sandbox");
    /**
     * etcd refuses objects over 1 MiB; the headroom is for the object's metadata and the JSON
     * quoting around the payload.
     */
    static final long CONFIG_MAP_PAYLOAD_LIMIT = 1024 * 1024 - 16 * 1024;
    // The sandbox's uid and gid: "nobody", which owns nothing in the image.
    private static final long NOBODY = 65534L;

    private final VerifierConfig.Kubernetes config;
    private final String python;
    private final int outputBytes;
    private final int reportBytes;

    SandboxPodSpec(VerifierConfig.Kubernetes config, String python, int outputBytes, int reportBytes) {
        this.config = config;
        this.python = python;
        this.outputBytes = outputBytes;
        this.reportBytes = reportBytes;
    }

    /** The batch's files: runner, supervisor, the supervisor's plan ("batch") and one input per candidate. */
    ConfigMap configMap(String name, List<SandboxRun> runs) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("runner.py", RunnerScript.RUNNER.source());
        data.put("supervisor.py", RunnerScript.SUPERVISOR.source());
        data.put("batch", plan(runs));
        Map<String, String> binaryData = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            binaryData.put("input-" + i, Base64.getEncoder().encodeToString(RunnerInput.encode(runs.get(i))));
        }
        return new ConfigMapBuilder()
                .withNewMetadata().withName(name).withLabels(LABELS).endMetadata()
                .withImmutable(true)
                .withData(data)
                .withBinaryData(binaryData)
                .build();
    }

    /** Bytes the ConfigMap's payload takes as stored, to compare with {@link #CONFIG_MAP_PAYLOAD_LIMIT}. */
    static long payloadBytes(ConfigMap configMap) {
        long total = 0;
        for (Map<String, String> entries : List.of(configMap.getData(), configMap.getBinaryData())) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                total += entry.getKey().length() + entry.getValue().getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return total;
    }

    Pod pod(String name, String configMapName, List<SandboxRun> runs) {
        return new PodBuilder()
                .withNewMetadata().withName(name).withLabels(LABELS).endMetadata()
                .withNewSpec()
                    .withRestartPolicy("Never")
                    .withAutomountServiceAccountToken(false)
                    .withEnableServiceLinks(false)
                    .withActiveDeadlineSeconds(activeDeadline(runs).toSeconds())
                    // Deleting a finished or abandoned sandbox should not wait for a grace period.
                    .withTerminationGracePeriodSeconds(0L)
                    .withRuntimeClassName(config.runtimeClassName().orElse(null))
                    .withNewSecurityContext()
                        .withRunAsNonRoot(true)
                        .withRunAsUser(NOBODY)
                        .withRunAsGroup(NOBODY)
                        .withSeccompProfile(runtimeDefault())
                    .endSecurityContext()
                    .withContainers(container())
                    .addNewVolume()
                        .withName("work")
                        .withNewEmptyDir().withSizeLimit(new Quantity(config.workDirSize())).endEmptyDir()
                    .endVolume()
                    .addNewVolume()
                        .withName("batch")
                        .withNewConfigMap().withName(configMapName).withDefaultMode(0444).endConfigMap()
                    .endVolume()
                .endSpec()
                .build();
    }

    /** The candidates' wall times back to back, plus the margin for scheduling and interpreter starts. */
    Duration activeDeadline(List<SandboxRun> runs) {
        Duration total = config.podDeadlineMargin();
        for (SandboxRun run : runs) {
            total = total.plus(run.limits().wallTime());
        }
        return Duration.ofSeconds((total.toMillis() + 999) / 1000);
    }

    private Container container() {
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(config.image())
                .withImagePullPolicy("IfNotPresent")
                .withCommand(python, "-I", "-S", BATCH_DIR + "/supervisor.py")
                .withWorkingDir(WORK_DIR)
                .withNewSecurityContext()
                    .withRunAsNonRoot(true)
                    .withRunAsUser(NOBODY)
                    .withRunAsGroup(NOBODY)
                    .withReadOnlyRootFilesystem(true)
                    .withAllowPrivilegeEscalation(false)
                    .withPrivileged(false)
                    .withCapabilities(new Capabilities(null, List.of("ALL")))
                    .withSeccompProfile(runtimeDefault())
                .endSecurityContext()
                .withNewResources()
                    .addToRequests("cpu", new Quantity(config.cpuRequest()))
                    .addToRequests("memory", new Quantity(config.memoryRequest()))
                    .addToRequests("ephemeral-storage", new Quantity(config.ephemeralStorage()))
                    .addToLimits("cpu", new Quantity(config.cpuLimit()))
                    .addToLimits("memory", new Quantity(config.memoryLimit()))
                    .addToLimits("ephemeral-storage", new Quantity(config.ephemeralStorage()))
                .endResources()
                .addNewVolumeMount().withName("work").withMountPath(WORK_DIR).endVolumeMount()
                .addNewVolumeMount().withName("batch").withMountPath(BATCH_DIR).withReadOnly(true).endVolumeMount()
                .build();
    }

    private String plan(List<SandboxRun> runs) {
        StringBuilder plan = new StringBuilder()
                .append(reportBytes).append(' ').append(outputBytes).append('\n')
                .append(runs.size()).append('\n');
        for (SandboxRun run : runs) {
            plan.append(run.limits().wallTime().toMillis()).append('\n');
        }
        return plan.toString();
    }

    private static SeccompProfile runtimeDefault() {
        return new SeccompProfile(null, "RuntimeDefault");
    }
}
