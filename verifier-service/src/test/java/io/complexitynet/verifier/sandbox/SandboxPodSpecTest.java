package io.complexitynet.verifier.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.verifier.domain.SandboxRun;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxPodSpecTest {

    private static final List<SandboxRun> RUNS = List.of(
            SandboxRuns.increment("c1"),
            SandboxRuns.run("c2", "x = 1\n", Duration.ofMillis(2500), "x"));

    private final SandboxPodSpec spec = new SandboxPodSpec(KubernetesSettings.defaults(), "/usr/local/bin/python3", 4096, 8192);

    @Test
    void podMeetsTheRestrictedPodSecurityStandard() {
        PodSpec pod = spec.pod("cn-sandbox-a", "cn-sandbox-a", RUNS).getSpec();
        PodSecurityContext podSecurity = pod.getSecurityContext();
        assertEquals(true, podSecurity.getRunAsNonRoot());
        assertEquals(65534L, podSecurity.getRunAsUser());
        assertEquals(65534L, podSecurity.getRunAsGroup());
        assertEquals("RuntimeDefault", podSecurity.getSeccompProfile().getType());

        SecurityContext container = onlyContainer(pod).getSecurityContext();
        assertEquals(true, container.getRunAsNonRoot());
        assertEquals(65534L, container.getRunAsUser());
        assertEquals(65534L, container.getRunAsGroup());
        assertEquals(true, container.getReadOnlyRootFilesystem());
        assertEquals(false, container.getAllowPrivilegeEscalation());
        assertEquals(false, container.getPrivileged());
        assertEquals(List.of("ALL"), container.getCapabilities().getDrop());
        assertTrue(container.getCapabilities().getAdd() == null || container.getCapabilities().getAdd().isEmpty());
        assertEquals("RuntimeDefault", container.getSeccompProfile().getType());
    }

    @Test
    void podGetsNoServiceAccountTokenNoServiceLinksAndNoRestart() {
        PodSpec pod = spec.pod("cn-sandbox-a", "cn-sandbox-a", RUNS).getSpec();
        assertEquals(false, pod.getAutomountServiceAccountToken());
        assertEquals(false, pod.getEnableServiceLinks());
        assertEquals("Never", pod.getRestartPolicy());
        assertFalse(Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                || Boolean.TRUE.equals(pod.getHostIPC()));
    }

    @Test
    void containerRequestsAndLimitsComeFromTheConfiguration() {
        Container container = onlyContainer(spec.pod("cn-sandbox-a", "cn-sandbox-a", RUNS).getSpec());
        Map<String, Quantity> requests = container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources().getLimits();
        assertEquals(new Quantity("250m"), requests.get("cpu"));
        assertEquals(new Quantity("256Mi"), requests.get("memory"));
        assertEquals(new Quantity("256Mi"), requests.get("ephemeral-storage"));
        assertEquals(new Quantity("1"), limits.get("cpu"));
        assertEquals(new Quantity("1Gi"), limits.get("memory"));
        assertEquals(new Quantity("256Mi"), limits.get("ephemeral-storage"));
        assertEquals("python:3.11-slim", container.getImage());
    }

    @Test
    void theSizeLimitedWorkDirectoryIsTheOnlyWritableMount() {
        PodSpec pod = spec.pod("cn-sandbox-a", "cn-sandbox-b", RUNS).getSpec();
        Container container = onlyContainer(pod);
        Map<String, Volume> volumes = pod.getVolumes().stream()
                .collect(java.util.stream.Collectors.toMap(Volume::getName, v -> v));
        assertEquals(new Quantity("64Mi"), volumes.get("work").getEmptyDir().getSizeLimit());
        assertEquals("cn-sandbox-b", volumes.get("batch").getConfigMap().getName());
        assertEquals("/work", container.getWorkingDir());
        List<VolumeMount> writable = container.getVolumeMounts().stream()
                .filter(mount -> !Boolean.TRUE.equals(mount.getReadOnly())).toList();
        assertEquals(1, writable.size());
        assertEquals("work", writable.get(0).getName());
        assertEquals("/work", writable.get(0).getMountPath());
    }

    @Test
    void podRunsTheDriverWithTheConfiguredInterpreterInIsolatedMode() {
        Container container = onlyContainer(spec.pod("cn-sandbox-a", "cn-sandbox-a", RUNS).getSpec());
        assertEquals(List.of("/usr/local/bin/python3", "-I", "-S", "/batch/supervisor.py"), container.getCommand());
    }

    @Test
    void activeDeadlineIsTheSumOfWallTimesPlusTheMarginRoundedUp() {
        // 5 s + 2.5 s + 1 s margin
        assertEquals(9L, spec.pod("cn-sandbox-a", "cn-sandbox-a", RUNS).getSpec().getActiveDeadlineSeconds());
    }

    @Test
    void runtimeClassIsSetOnlyWhenConfigured() {
        assertNull(spec.pod("cn-sandbox-a", "cn-sandbox-a", RUNS).getSpec().getRuntimeClassName());
        SandboxPodSpec gvisor = new SandboxPodSpec(KubernetesSettings.defaults().withRuntimeClassName("gvisor"),
                "/usr/local/bin/python3", 4096, 8192);
        assertEquals("gvisor", gvisor.pod("cn-sandbox-a", "cn-sandbox-a", RUNS).getSpec().getRuntimeClassName());
    }

    @Test
    void podAndConfigMapCarryTheSandboxLabels() {
        Map<String, String> expected = Map.of("app.kubernetes.io/part-of", "complexitynet",
                "app.kubernetes.io/component", "verifier-sandbox");
        assertEquals(expected, spec.pod("cn-sandbox-a", "cn-sandbox-a", RUNS).getMetadata().getLabels());
        assertEquals(expected, spec.configMap("cn-sandbox-a", RUNS).getMetadata().getLabels());
    }

    @Test
    void configMapHoldsRunnerDriverPlanAndEachCandidatesInput() {
        ConfigMap configMap = spec.configMap("cn-sandbox-a", RUNS);
        assertEquals(RunnerScript.RUNNER.source(), configMap.getData().get("runner.py"));
        assertEquals(RunnerScript.SUPERVISOR.source(), configMap.getData().get("supervisor.py"));
        assertEquals("8192 4096\n2\n5000\n2500\n", configMap.getData().get("batch"));
        assertArrayEquals(RunnerInput.encode(RUNS.get(1)),
                Base64.getDecoder().decode(configMap.getBinaryData().get("input-1")));
    }

    private static Container onlyContainer(PodSpec pod) {
        assertEquals(1, pod.getContainers().size());
        assertTrue(pod.getInitContainers() == null || pod.getInitContainers().isEmpty());
        return pod.getContainers().get(0);
    }
}
