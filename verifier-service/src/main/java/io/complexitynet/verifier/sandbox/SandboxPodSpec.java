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
import java.util.function.Function;

/**
 * The objects one batch runs as: a pod meeting the "restricted" Pod Security Standard with two
 * containers, and a ConfigMap for each. The candidate container mounts the runner; the judge container
 * the judge, the tests and the candidates' code, which it hands the candidate side one candidate at a
 * time. They share one small directory for those hand-overs and the pipes between a candidate's process
 * and its judge, and nothing else: their own mount and PID namespaces keep the tests, the other
 * candidates' code and the judge's processes out of a candidate's reach.
 */
final class SandboxPodSpec {

    static final String BATCH_DIR = "/batch";
    static final String TESTS_DIR = "/judging";
    static final String WORK_DIR = "/work";
    static final String CHANNEL_DIR = "/channel";
    static final String CANDIDATE_CONTAINER = "candidate";
    static final String JUDGE_CONTAINER = "judge";
    /** Suffixes of the two ConfigMaps' names, after the pod's. */
    static final String CANDIDATE_FILES = "-candidate";
    static final String JUDGE_FILES = "-judge";
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

    /** The candidate container's files: runner, supervisor and the plan ("batch"); no candidate's code. */
    ConfigMap candidateConfigMap(String pod, List<SandboxRun> runs) {
        return configMap(pod + CANDIDATE_FILES, "runner.py", RunnerScript.RUNNER, runs, Map.of());
    }

    /**
     * The judge container's files: judge, supervisor, the plan, each candidate's setup and tests
     * ({@code input-i}) and each candidate's code ({@code code-i}, handed to the candidate side in turn).
     */
    ConfigMap judgeConfigMap(String pod, List<SandboxRun> runs) {
        return configMap(pod + JUDGE_FILES, "judge.py", RunnerScript.JUDGE, runs, Map.of(
                "input-", run -> SandboxInputs.judge(run, reportBytes),
                "code-", SandboxInputs::candidate));
    }

    private ConfigMap configMap(String name, String programFile, RunnerScript program, List<SandboxRun> runs,
                                Map<String, Function<SandboxRun, byte[]>> inputs) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(programFile, program.source());
        data.put("supervisor.py", RunnerScript.SUPERVISOR.source());
        data.put("batch", plan(runs));
        Map<String, String> binaryData = new LinkedHashMap<>();
        inputs.forEach((prefix, input) -> {
            for (int i = 0; i < runs.size(); i++) {
                binaryData.put(prefix + i, Base64.getEncoder().encodeToString(input.apply(runs.get(i))));
            }
        });
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

    Pod pod(String name, List<SandboxRun> runs) {
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
                    .withContainers(
                            container(CANDIDATE_CONTAINER, BATCH_DIR, "candidates", "candidate-files", "work"),
                            container(JUDGE_CONTAINER, TESTS_DIR, "judges", "judge-files", "judge-work"))
                    .addNewVolume()
                        .withName("work")
                        .withNewEmptyDir().withSizeLimit(new Quantity(config.workDirSize())).endEmptyDir()
                    .endVolume()
                    .addNewVolume()
                        .withName("judge-work")
                        .withNewEmptyDir().withSizeLimit(new Quantity(config.workDirSize())).endEmptyDir()
                    .endVolume()
                    .addNewVolume()
                        .withName("channel")
                        .withNewEmptyDir().withMedium("Memory").withSizeLimit(new Quantity("1Mi")).endEmptyDir()
                    .endVolume()
                    .addNewVolume()
                        .withName("candidate-files")
                        .withNewConfigMap().withName(name + CANDIDATE_FILES).withDefaultMode(0444).endConfigMap()
                    .endVolume()
                    .addNewVolume()
                        .withName("judge-files")
                        .withNewConfigMap().withName(name + JUDGE_FILES).withDefaultMode(0444).endConfigMap()
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

    /** One of the two containers: its supervisor mode, its own files, its own working directory, the shared channel. */
    private Container container(String name, String filesDir, String mode, String filesVolume, String workVolume) {
        return new ContainerBuilder()
                .withName(name)
                .withImage(config.image())
                .withImagePullPolicy("IfNotPresent")
                .withCommand(python, "-I", "-S", filesDir + "/supervisor.py", mode, CHANNEL_DIR)
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
                .addNewVolumeMount().withName(workVolume).withMountPath(WORK_DIR).endVolumeMount()
                .addNewVolumeMount().withName(filesVolume).withMountPath(filesDir).withReadOnly(true).endVolumeMount()
                .addNewVolumeMount().withName("channel").withMountPath(CHANNEL_DIR).endVolumeMount()
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
