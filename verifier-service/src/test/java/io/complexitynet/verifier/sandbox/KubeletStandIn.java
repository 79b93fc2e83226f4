package io.complexitynet.verifier.sandbox;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Plays the kubelet against the mock API server: picks up each new sandbox pod, gives each of its
 * volumes a directory here (a ConfigMap's laid out as files, an emptyDir's empty, so a volume two
 * containers mount is one directory for both), starts all its containers' commands at once with this
 * machine's Python and their mount paths rewritten to those directories, serves what each printed as
 * that container's log and moves the pod to Succeeded or Failed. It reproduces what the containers
 * share, not what keeps them apart (their own mount and PID namespaces): the pod spec's tests check that.
 */
final class KubeletStandIn implements AutoCloseable {

    enum Mode {
        /** Runs the pod's containers and reports how they ended. */
        RUN,
        /** Fails the pod at once with no log, as the kernel's OOM killer would. */
        FAIL,
        /** Never starts the pod, as a cluster without room would. */
        IGNORE
    }

    private static final String LOCAL_PYTHON = "/usr/bin/python3";
    private static final long CONTAINER_WAIT_SECONDS = 60;

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

    /** The ConfigMaps the pods it ran mount, as they were when each pod ended. */
    List<ConfigMap> configMaps() {
        return List.copyOf(configMaps);
    }

    /** The ConfigMap named {@code name} among {@link #configMaps()}. */
    ConfigMap configMap(String name) {
        return configMaps.stream().filter(map -> map.getMetadata().getName().equals(name)).findFirst().orElseThrow();
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
            case FAIL -> finish(pod, "Failed", pod.getSpec().getContainers().stream()
                    .map(container -> terminated(container.getName(), "OOMKilled", 137)).toList());
            case RUN -> run(pod);
        }
    }

    private void run(Pod pod) {
        String namespace = pod.getMetadata().getNamespace();
        String name = pod.getMetadata().getName();
        try {
            Path root = Files.createTempDirectory(scratch, name);
            Map<String, Path> volumes = new LinkedHashMap<>();
            for (Volume volume : pod.getSpec().getVolumes()) {
                Path dir = Files.createDirectories(root.resolve("volumes").resolve(volume.getName()));
                if (volume.getConfigMap() != null) {
                    layOut(configMap(namespace, volume.getConfigMap().getName()), dir);
                }
                volumes.put(volume.getName(), dir);
            }
            List<Container> containers = pod.getSpec().getContainers();
            List<Process> processes = new ArrayList<>();
            for (Container container : containers) {
                processes.add(start(container, volumes, root.resolve(container.getName() + ".log")));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CONTAINER_WAIT_SECONDS);
            List<ContainerStatus> statuses = new ArrayList<>();
            boolean succeeded = true;
            for (int i = 0; i < containers.size(); i++) {
                int exitCode = await(processes.get(i), deadline);
                succeeded &= exitCode == 0;
                statuses.add(terminated(containers.get(i).getName(), exitCode == 0 ? "Completed" : "Error", exitCode));
                server.expect().get().withPath(logPath(namespace, name, containers.get(i).getName()))
                        .andReturn(200, Files.readString(root.resolve(containers.get(i).getName() + ".log"))).always();
            }
            // Read again now rather than at start: the sandbox sets the owner references just after creating the pod.
            for (Volume volume : pod.getSpec().getVolumes()) {
                if (volume.getConfigMap() != null) {
                    configMaps.add(configMap(namespace, volume.getConfigMap().getName()));
                }
            }
            finish(pod, succeeded ? "Succeeded" : "Failed", statuses);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts a container's command with this machine's Python, its environment cleared and its mount
     * paths, in the arguments and as working directory, replaced by their volumes' directories here;
     * its stdout, the container's log, goes to {@code log}.
     */
    private static Process start(Container container, Map<String, Path> volumes, Path log) throws IOException {
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (VolumeMount mount : container.getVolumeMounts()) {
            mounts.put(mount.getMountPath(), volumes.get(mount.getName()));
        }
        List<String> command = new ArrayList<>();
        command.add(LOCAL_PYTHON);
        for (String argument : container.getCommand().subList(1, container.getCommand().size())) {
            command.add(onHost(argument, mounts));
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of(onHost(container.getWorkingDir(), mounts)).toFile());
        builder.environment().clear();
        // A file rather than a pipe: neither container blocks on a log nobody is reading yet.
        builder.redirectOutput(log.toFile());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }

    /** The path as the container sees it, under one of its mounts, as a path here; anything else as it is. */
    private static String onHost(String path, Map<String, Path> mounts) {
        for (Map.Entry<String, Path> mount : mounts.entrySet()) {
            if (path.equals(mount.getKey())) {
                return mount.getValue().toString();
            }
            if (path.startsWith(mount.getKey() + "/")) {
                return mount.getValue().resolve(path.substring(mount.getKey().length() + 1)).toString();
            }
        }
        return path;
    }

    /** The exit code; a container still running at the deadline is killed with all it started, as the kubelet would. */
    private static int await(Process process, long deadline) throws InterruptedException {
        if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        return process.waitFor();
    }

    /** Where the Fabric8 client asks for one container's log: {@code pods().withName(n).inContainer(c).getLog()}. */
    private static String logPath(String namespace, String pod, String container) {
        return "/api/v1/namespaces/" + namespace + "/pods/" + pod + "/log?pretty=false&container=" + container;
    }

    /** Writes a ConfigMap out as files, as the kubelet mounts it. */
    private static void layOut(ConfigMap configMap, Path dir) throws IOException {
        for (Map.Entry<String, String> entry : configMap.getData().entrySet()) {
            Files.writeString(dir.resolve(entry.getKey()), entry.getValue());
        }
        for (Map.Entry<String, String> entry : configMap.getBinaryData().entrySet()) {
            Files.write(dir.resolve(entry.getKey()), Base64.getDecoder().decode(entry.getValue()));
        }
    }

    private ConfigMap configMap(String namespace, String name) {
        return client.configMaps().inNamespace(namespace).withName(name).get();
    }

    private static ContainerStatus terminated(String container, String reason, int exitCode) {
        return new ContainerStatusBuilder().withName(container).withNewState().withNewTerminated()
                .withReason(reason).withExitCode(exitCode).endTerminated().endState().build();
    }

    private void finish(Pod pod, String phase, List<ContainerStatus> containers) {
        try {
            client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                    .editStatus(current -> new PodBuilder(current).withNewStatus()
                            .withPhase(phase).withContainerStatuses(containers).endStatus().build());
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
