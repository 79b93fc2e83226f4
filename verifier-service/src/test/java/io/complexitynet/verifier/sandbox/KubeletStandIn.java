package io.complexitynet.verifier.sandbox;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Plays the kubelet against the mock API server: picks up each new sandbox pod, lays its ConfigMap
 * out as files where the pod would see them, runs the pod's command with this machine's Python, serves
 * what it printed as the pod's log and moves the pod to Succeeded or Failed.
 */
final class KubeletStandIn implements AutoCloseable {

    enum Mode {
        /** Runs the pod's command and reports how it ended. */
        RUN,
        /** Fails the pod at once with no log, as the kernel's OOM killer would. */
        FAIL,
        /** Never starts the pod, as a cluster without room would. */
        IGNORE
    }

    private static final String LOCAL_PYTHON = "/usr/bin/python3";

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final Path scratch;
    private final Mode mode;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<ConfigMap> configMaps = new CopyOnWriteArrayList<>();
    private final List<Pod> pods = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;

    KubeletStandIn(KubernetesMockServer server, KubernetesClient client, Path scratch, Mode mode) {
        this.server = server;
        this.client = client;
        this.scratch = scratch;
        this.mode = mode;
        this.thread = new Thread(this::poll, "kubelet-stand-in");
        thread.setDaemon(true);
        thread.start();
    }

    /** Pods this stand-in picked up, as they were created. */
    List<Pod> pods() {
        return List.copyOf(pods);
    }

    /** The ConfigMaps of the pods it ran, as they were when each pod ended. */
    List<ConfigMap> configMaps() {
        return List.copyOf(configMaps);
    }

    private void poll() {
        while (!stopped) {
            for (Pod pod : client.pods().inAnyNamespace().list().getItems()) {
                if (seen.add(pod.getMetadata().getName())) {
                    pods.add(pod);
                    handle(pod);
                }
            }
            sleep();
        }
    }

    private void handle(Pod pod) {
        switch (mode) {
            case IGNORE -> { }
            case FAIL -> finish(pod, "Failed", new ContainerStatusBuilder().withName(SandboxPodSpec.CONTAINER)
                    .withNewState().withNewTerminated().withReason("OOMKilled").withExitCode(137).endTerminated()
                    .endState().build());
            case RUN -> run(pod);
        }
    }

    private void run(Pod pod) {
        String namespace = pod.getMetadata().getNamespace();
        String name = pod.getMetadata().getName();
        try {
            Path root = Files.createTempDirectory(scratch, name);
            Container container = pod.getSpec().getContainers().get(0);
            Path batch = layOut(pod, root);
            Path work = Files.createDirectories(root.resolve("work"));
            List<String> command = new ArrayList<>();
            command.add(LOCAL_PYTHON);
            for (String argument : container.getCommand().subList(1, container.getCommand().size())) {
                command.add(argument.startsWith(SandboxPodSpec.BATCH_DIR + "/")
                        ? batch.resolve(argument.substring(SandboxPodSpec.BATCH_DIR.length() + 1)).toString()
                        : argument);
            }
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
            builder.environment().clear();
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process process = builder.start();
            byte[] log = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            // Read again now rather than at start: the sandbox sets the owner reference just after creating the pod.
            configMaps.add(configMap(pod));
            server.expect().get()
                    .withPath("/api/v1/namespaces/" + namespace + "/pods/" + name + "/log?pretty=false")
                    .andReturn(200, new String(log, StandardCharsets.UTF_8)).always();
            finish(pod, process.exitValue() == 0 ? "Succeeded" : "Failed", new ContainerStatusBuilder()
                    .withName(SandboxPodSpec.CONTAINER).withNewState().withNewTerminated()
                    .withExitCode(process.exitValue()).endTerminated().endState().build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the pod's ConfigMap volume out as files, as the kubelet mounts it. */
    private Path layOut(Pod pod, Path root) throws IOException {
        ConfigMap configMap = configMap(pod);
        Path batch = Files.createDirectories(root.resolve("batch"));
        for (Map.Entry<String, String> entry : configMap.getData().entrySet()) {
            Files.writeString(batch.resolve(entry.getKey()), entry.getValue());
        }
        for (Map.Entry<String, String> entry : configMap.getBinaryData().entrySet()) {
            Files.write(batch.resolve(entry.getKey()), Base64.getDecoder().decode(entry.getValue()));
        }
        return batch;
    }

    private ConfigMap configMap(Pod pod) {
        String name = pod.getSpec().getVolumes().stream()
                .filter(volume -> volume.getConfigMap() != null).findFirst().orElseThrow()
                .getConfigMap().getName();
        return client.configMaps().inNamespace(pod.getMetadata().getNamespace()).withName(name).get();
    }

    private void finish(Pod pod, String phase, ContainerStatus container) {
        try {
            client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                    .editStatus(current -> new PodBuilder(current).withNewStatus()
                            .withPhase(phase).withContainerStatuses(container).endStatus().build());
        } catch (KubernetesClientException e) {
            // The sandbox deleted the pod first (close() or its own timeout): nothing left to report on.
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(10_000);
    }
}
