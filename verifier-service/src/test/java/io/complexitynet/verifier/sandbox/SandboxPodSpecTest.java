package io.complexitynet.verifier.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.verifier.domain.Limits;
import io.complexitynet.verifier.domain.SandboxRun;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SandboxPodSpecTest {

    private static final List<SandboxRun> RUNS = List.of(
            SandboxRuns.increment("c1"),
            SandboxRuns.run("c2", "x = 1\n", Duration.ofMillis(2500), "assert x == 1"));

    private final SandboxPodSpec spec = new SandboxPodSpec(KubernetesSettings.defaults(), "/usr/bin/python3", 4096, 8192);

    @Test
    void podAndBothContainersMeetTheRestrictedPodSecurityStandard() {
        PodSpec pod = spec.pod("cn-sandbox-a", RUNS).getSpec();
        PodSecurityContext podSecurity = pod.getSecurityContext();
        assertEquals(true, podSecurity.getRunAsNonRoot());
        assertEquals(65534L, podSecurity.getRunAsUser());
        assertEquals(65534L, podSecurity.getRunAsGroup());
        assertEquals("RuntimeDefault", podSecurity.getSeccompProfile().getType());

        for (Container container : List.of(candidate(pod), judge(pod))) {
            SecurityContext security = container.getSecurityContext();
            assertEquals(true, security.getRunAsNonRoot(), container.getName());
            assertEquals(65534L, security.getRunAsUser(), container.getName());
            assertEquals(65534L, security.getRunAsGroup(), container.getName());
            assertEquals(true, security.getReadOnlyRootFilesystem(), container.getName());
            assertEquals(false, security.getAllowPrivilegeEscalation(), container.getName());
            assertEquals(false, security.getPrivileged(), container.getName());
            assertEquals(List.of("ALL"), security.getCapabilities().getDrop(), container.getName());
            assertTrue(security.getCapabilities().getAdd() == null || security.getCapabilities().getAdd().isEmpty(),
                    container.getName());
            assertEquals("RuntimeDefault", security.getSeccompProfile().getType(), container.getName());
            assertTrue(container.getPorts() == null || container.getPorts().isEmpty(), container.getName());
        }
    }

    @Test
    void podGetsNoServiceAccountTokenNoHostNamespacesAndNoRestart() {
        PodSpec pod = spec.pod("cn-sandbox-a", RUNS).getSpec();
        assertEquals(false, pod.getAutomountServiceAccountToken());
        assertEquals(false, pod.getEnableServiceLinks());
        assertEquals("Never", pod.getRestartPolicy());
        assertFalse(Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                || Boolean.TRUE.equals(pod.getHostIPC()));
        // A PID namespace of each container's own keeps the judge's processes out of the candidate's reach.
        assertFalse(Boolean.TRUE.equals(pod.getShareProcessNamespace()));
        assertTrue(pod.getInitContainers() == null || pod.getInitContainers().isEmpty());
        assertTrue(pod.getEphemeralContainers() == null || pod.getEphemeralContainers().isEmpty());
        for (Volume volume : pod.getVolumes()) {
            assertTrue(volume.getEmptyDir() != null || volume.getConfigMap() != null, volume.getName());
        }
    }

    @Test
    void eachContainerRunsItsSideOfTheSupervisorInIsolatedMode() {
        PodSpec pod = spec.pod("cn-sandbox-a", RUNS).getSpec();
        assertEquals(List.of("/usr/bin/python3", "-I", "-S", "/batch/supervisor.py", "candidates", "/channel"),
                candidate(pod).getCommand());
        assertEquals(List.of("/usr/bin/python3", "-I", "-S", "/judging/supervisor.py", "judges", "/channel"),
                judge(pod).getCommand());
        assertEquals("/work", candidate(pod).getWorkingDir());
        assertEquals("/work", judge(pod).getWorkingDir());
    }

    @Test
    void eachContainerMountsOnlyItsOwnConfigMap() {
        PodSpec pod = spec.pod("cn-sandbox-a", RUNS).getSpec();
        Map<String, String> candidateFiles = configMapMounts(pod, candidate(pod));
        Map<String, String> judgeFiles = configMapMounts(pod, judge(pod));
        assertEquals(Map.of("/batch", "cn-sandbox-a-candidate"), candidateFiles);
        assertEquals(Map.of("/judging", "cn-sandbox-a-judge"), judgeFiles);
        assertEquals("cn-sandbox-a-candidate", spec.candidateConfigMap("cn-sandbox-a", RUNS).getMetadata().getName());
        assertEquals("cn-sandbox-a-judge", spec.judgeConfigMap("cn-sandbox-a", RUNS).getMetadata().getName());
    }

    @Test
    void eachContainerWritesOnlyItsOwnWorkDirectoryAndTheSharedChannel() {
        PodSpec pod = spec.pod("cn-sandbox-a", RUNS).getSpec();
        Map<String, Volume> volumes = pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
        assertEquals(Map.of("work", "/work", "channel", "/channel"), writableMounts(candidate(pod)));
        assertEquals(Map.of("judge-work", "/work", "channel", "/channel"), writableMounts(judge(pod)));
        assertEquals(new Quantity("64Mi"), volumes.get("work").getEmptyDir().getSizeLimit());
        assertEquals(new Quantity("64Mi"), volumes.get("judge-work").getEmptyDir().getSizeLimit());
        assertEquals("Memory", volumes.get("channel").getEmptyDir().getMedium());
        assertEquals(new Quantity("1Mi"), volumes.get("channel").getEmptyDir().getSizeLimit());
        Set<String> shared = mountNames(candidate(pod)).filter(name -> mountNames(judge(pod)).anyMatch(name::equals))
                .collect(Collectors.toSet());
        assertEquals(Set.of("channel"), shared);
    }

    @Test
    void containerRequestsAndLimitsComeFromTheConfiguration() {
        PodSpec pod = spec.pod("cn-sandbox-a", RUNS).getSpec();
        for (Container container : List.of(candidate(pod), judge(pod))) {
            Map<String, Quantity> requests = container.getResources().getRequests();
            Map<String, Quantity> limits = container.getResources().getLimits();
            assertEquals(new Quantity("250m"), requests.get("cpu"), container.getName());
            assertEquals(new Quantity("256Mi"), requests.get("memory"), container.getName());
            assertEquals(new Quantity("256Mi"), requests.get("ephemeral-storage"), container.getName());
            assertEquals(new Quantity("1"), limits.get("cpu"), container.getName());
            assertEquals(new Quantity("1Gi"), limits.get("memory"), container.getName());
            assertEquals(new Quantity("256Mi"), limits.get("ephemeral-storage"), container.getName());
            assertEquals("complexitynet/verifier-sandbox", container.getImage(), container.getName());
        }
    }

    @Test
    void activeDeadlineIsTheSumOfWallTimesPlusTheMarginRoundedUp() {
        // 5 s + 2.5 s + 1 s margin
        assertEquals(9L, spec.pod("cn-sandbox-a", RUNS).getSpec().getActiveDeadlineSeconds());
    }

    @Test
    void runtimeClassIsSetOnlyWhenConfigured() {
        assertNull(spec.pod("cn-sandbox-a", RUNS).getSpec().getRuntimeClassName());
        SandboxPodSpec gvisor = new SandboxPodSpec(KubernetesSettings.defaults().withRuntimeClassName("gvisor"),
                "/usr/bin/python3", 4096, 8192);
        assertEquals("gvisor", gvisor.pod("cn-sandbox-a", RUNS).getSpec().getRuntimeClassName());
    }

    @Test
    void podAndBothConfigMapsCarryTheSandboxLabels() {
        Map<String, String> expected = Map.of("app.kubernetes.io/part-of", "complexitynet",
                "app.kubernetes.io/component", "verifier-sandbox");
        assertEquals(expected, spec.pod("cn-sandbox-a", RUNS).getMetadata().getLabels());
        assertEquals(expected, spec.candidateConfigMap("cn-sandbox-a", RUNS).getMetadata().getLabels());
        assertEquals(expected, spec.judgeConfigMap("cn-sandbox-a", RUNS).getMetadata().getLabels());
    }

    @Test
    void theCandidatesConfigMapHoldsRunnerSupervisorAndPlanButNoCandidatesCode() {
        ConfigMap configMap = spec.candidateConfigMap("cn-sandbox-a", RUNS);
        assertEquals(Set.of("runner.py", "supervisor.py", "batch"), configMap.getData().keySet());
        assertEquals(RunnerScript.RUNNER.source(), configMap.getData().get("runner.py"));
        assertEquals(RunnerScript.SUPERVISOR.source(), configMap.getData().get("supervisor.py"));
        assertEquals("8192 4096\n2\n5000\n2500\n", configMap.getData().get("batch"));
        assertEquals(Set.of(), configMap.getBinaryData().keySet());
        assertEquals(true, configMap.getImmutable());
    }

    @Test
    void theJudgesConfigMapHoldsJudgeSupervisorPlanEachCandidatesTestsAndCode() {
        ConfigMap configMap = spec.judgeConfigMap("cn-sandbox-a", RUNS);
        assertEquals(Set.of("judge.py", "supervisor.py", "batch"), configMap.getData().keySet());
        assertEquals(RunnerScript.JUDGE.source(), configMap.getData().get("judge.py"));
        assertEquals(RunnerScript.SUPERVISOR.source(), configMap.getData().get("supervisor.py"));
        assertEquals("8192 4096\n2\n5000\n2500\n", configMap.getData().get("batch"));
        assertEquals(Set.of("input-0", "input-1", "code-0", "code-1"), configMap.getBinaryData().keySet());
        assertArrayEquals(SandboxInputs.judge(RUNS.get(1), 8192),
                Base64.getDecoder().decode(configMap.getBinaryData().get("input-1")));
        assertArrayEquals(SandboxInputs.candidate(RUNS.get(1)),
                Base64.getDecoder().decode(configMap.getBinaryData().get("code-1")));
        assertEquals(true, configMap.getImmutable());
    }

    @Test
    void theCandidatesConfigMapHoldsNoTestSetupOrCodeText() {
        List<SandboxRun> runs = List.of(new SandboxRun("c1", "def f(x):\n    return x+1\n", "expected = 67890\n",
                List.of("assert f(1) == 12345"), List.of("f"),
                new Limits(Duration.ofSeconds(5), 512L << 20, 16L << 20, 32, 64, 65536)));
        List<String> code = values(spec.candidateConfigMap("cn-sandbox-a", runs)).toList();
        List<String> tests = values(spec.judgeConfigMap("cn-sandbox-a", runs)).toList();
        for (String secret : List.of("12345", "67890", "return x+1")) {
            assertFalse(code.stream().anyMatch(value -> value.contains(secret)), secret + " reached the candidate's ConfigMap");
            assertTrue(tests.stream().anyMatch(value -> value.contains(secret)), secret + " is missing from the judge's ConfigMap");
        }
    }

    /** Every value of the ConfigMap as the container reads it, binary ones decoded. */
    private static Stream<String> values(ConfigMap configMap) {
        return Stream.concat(configMap.getData().values().stream(), configMap.getBinaryData().values().stream()
                .map(value -> new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
    }

    /** Mount path to ConfigMap name, for each ConfigMap the container mounts. */
    private static Map<String, String> configMapMounts(PodSpec pod, Container container) {
        Map<String, Volume> volumes = pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, Function.identity()));
        return container.getVolumeMounts().stream()
                .filter(mount -> volumes.get(mount.getName()).getConfigMap() != null)
                .collect(Collectors.toMap(VolumeMount::getMountPath,
                        mount -> volumes.get(mount.getName()).getConfigMap().getName()));
    }

    private static Map<String, String> writableMounts(Container container) {
        return container.getVolumeMounts().stream().filter(mount -> !Boolean.TRUE.equals(mount.getReadOnly()))
                .collect(Collectors.toMap(VolumeMount::getName, VolumeMount::getMountPath));
    }

    private static Stream<String> mountNames(Container container) {
        return container.getVolumeMounts().stream().map(VolumeMount::getName);
    }

    private static Container candidate(PodSpec pod) {
        return container(pod, SandboxPodSpec.CANDIDATE_CONTAINER);
    }

    private static Container judge(PodSpec pod) {
        return container(pod, SandboxPodSpec.JUDGE_CONTAINER);
    }

    private static Container container(PodSpec pod, String name) {
        assertEquals(2, pod.getContainers().size());
        return pod.getContainers().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }
}
