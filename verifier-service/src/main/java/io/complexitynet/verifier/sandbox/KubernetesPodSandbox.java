package io.complexitynet.verifier.sandbox;

import io.complexitynet.verifier.config.VerifierConfig;
import io.complexitynet.verifier.domain.RunOutcome;
import io.complexitynet.verifier.domain.Sandbox;
import io.complexitynet.verifier.domain.SandboxRun;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The Kubernetes sandbox: a whole batch runs in one short-lived pod, candidates one after another,
 * each in a fresh interpreter judged by a fresh judge in the pod's second container (see
 * {@code sandbox/supervisor.py} and {@link SandboxPodSpec}). The pod and its ConfigMaps are deleted
 * whatever happens; {@link #close()} deletes those of batches still running.
 */
public final class KubernetesPodSandbox implements Sandbox, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KubernetesPodSandbox.class);

    private final KubernetesClient client;
    private final VerifierConfig.Kubernetes config;
    private final SandboxPodSpec spec;
    private final String namespace;
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public KubernetesPodSandbox(KubernetesClient client, VerifierConfig.Kubernetes config, String python,
                                int outputBytes, int reportBytes) {
        this.client = client;
        this.config = config;
        this.spec = new SandboxPodSpec(config, python, outputBytes, reportBytes);
        this.namespace = config.namespace().filter(ns -> !ns.isBlank())
                .orElseGet(() -> client.getNamespace() == null ? "default" : client.getNamespace());
    }

    @Override
    public List<RunOutcome> run(List<SandboxRun> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        long started = System.nanoTime();
        if (closed) {
            return failAll(runs.size(), "the sandbox is shutting down", started);
        }
        String name = "cn-sandbox-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        List<ConfigMap> configMaps = List.of(spec.candidateConfigMap(name, runs), spec.judgeConfigMap(name, runs));
        for (ConfigMap configMap : configMaps) {
            long payload = SandboxPodSpec.payloadBytes(configMap);
            if (payload > SandboxPodSpec.CONFIG_MAP_PAYLOAD_LIMIT) {
                return failAll(runs.size(), "the batch's inputs take " + payload + " bytes, over the "
                        + SandboxPodSpec.CONFIG_MAP_PAYLOAD_LIMIT + " a sandbox ConfigMap may hold", started);
            }
        }
        live.add(name);
        if (closed) {
            live.remove(name);
            return failAll(runs.size(), "the sandbox is shutting down", started);
        }
        try {
            return runPod(name, configMaps, runs, started);
        } catch (KubernetesClientException e) {
            if (closed) {
                // close() deleted the pod and ConfigMap under a call still in flight.
                return failAll(runs.size(), "the sandbox shut down while the batch ran", started);
            }
            LOG.warnf("sandbox pod %s failed: %s", name, e.getMessage());
            return failAll(runs.size(), "the Kubernetes API failed: " + e.getMessage(), started);
        } finally {
            delete(name);
            live.remove(name);
        }
    }

    private List<RunOutcome> runPod(String name, List<ConfigMap> configMaps, List<SandboxRun> runs, long started) {
        for (ConfigMap configMap : configMaps) {
            client.configMaps().inNamespace(namespace).resource(configMap).create();
        }
        Pod created = client.pods().inNamespace(namespace).resource(spec.pod(name, runs)).create();
        for (ConfigMap configMap : configMaps) {
            ownBy(configMap.getMetadata().getName(), name, created);
        }
        Duration wait = config.startTimeout().plus(spec.activeDeadline(runs));
        Pod finished = awaitEnd(name, wait);
        String reason = Thread.currentThread().isInterrupted() ? "interrupted while waiting for the sandbox pod"
                : closed ? "the sandbox shut down while the pod ran" : whyUnfinished(finished, wait);
        PodLogReport judged = PodLogReport.parse(finished == null ? "" : log(name, SandboxPodSpec.JUDGE_CONTAINER));
        PodLogReport ran = PodLogReport.parse(finished == null ? "" : log(name, SandboxPodSpec.CANDIDATE_CONTAINER));
        List<RunOutcome> outcomes = judged.outcomes(ran, runs.size(), reason, elapsed(started));
        LOG.infof("sandbox pod %s ran %d candidates in %d ms (%s)", name, runs.size(),
                elapsed(started).toMillis(), finished == null ? "gone" : phase(finished));
        return outcomes;
    }

    /**
     * Makes the pod the ConfigMap's owner, so the garbage collector removes the ConfigMap even if
     * this service dies before deleting it.
     */
    private void ownBy(String configMap, String name, Pod pod) {
        if (pod.getMetadata().getUid() == null) {
            return;
        }
        configMaps(configMap).edit(map -> {
            map.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder()
                    .withApiVersion("v1").withKind("Pod").withName(name).withUid(pod.getMetadata().getUid())
                    .build()));
            return map;
        });
    }

    /**
     * The pod once it has ended, its last state if the wait ran out or the thread was interrupted,
     * or null if it is gone. Polls rather than watches: a watch opened just after a deletion may
     * never hear of it, and a poll every second at most costs the API server little.
     */
    private Pod awaitEnd(String name, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = 100;
        while (true) {
            Pod pod = pods(name).get();
            if (pod == null || ended(pod) || closed || System.nanoTime() - deadline >= 0) {
                return pod;
            }
            try {
                Thread.sleep(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return pod;
            }
            pause = Math.min(pause * 2, 1000);
        }
    }

    private static String whyUnfinished(Pod pod, Duration wait) {
        if (pod == null) {
            return "the sandbox pod was deleted before it finished";
        }
        String phase = phase(pod);
        if ("Failed".equals(phase)) {
            String reason = pod.getStatus().getReason();
            String message = pod.getStatus().getMessage();
            return "the sandbox pod failed" + (reason == null ? "" : " (" + reason + ")")
                    + (message == null ? "" : ": " + message) + containerEnd(pod);
        }
        if ("Succeeded".equals(phase)) {
            return "the sandbox pod finished without a result for this candidate";
        }
        return "the sandbox pod did not finish within " + wait.toSeconds() + " s (phase " + phase + ")";
    }

    /** How the container ended, e.g. OOMKilled, which the pod's own status does not say. */
    private static String containerEnd(Pod pod) {
        return pod.getStatus().getContainerStatuses().stream()
                .map(status -> status.getState() == null ? null : status.getState().getTerminated())
                .filter(Objects::nonNull)
                .map(end -> "; the container ended with " + end.getReason() + " (exit code " + end.getExitCode() + ")")
                .findFirst().orElse("");
    }

    private String log(String name, String container) {
        try {
            return pods(name).inContainer(container).getLog();
        } catch (KubernetesClientException e) {
            // A pod that never started has no log; its candidates fail with the pod's own reason.
            LOG.warnf("could not read the log of sandbox pod %s: %s", name, e.getMessage());
            return "";
        }
    }

    private static boolean ended(Pod pod) {
        String phase = phase(pod);
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    private static String phase(Pod pod) {
        return pod.getStatus() == null ? "Pending" : pod.getStatus().getPhase();
    }

    private void delete(String name) {
        try {
            pods(name).withGracePeriod(0).delete();
        } catch (KubernetesClientException e) {
            // Outcomes are already decided; the labels let a cleanup find what is left.
            LOG.warnf("could not delete sandbox pod %s: %s", name, e.getMessage());
        }
        for (String configMap : List.of(name + SandboxPodSpec.CANDIDATE_FILES, name + SandboxPodSpec.JUDGE_FILES)) {
            try {
                configMaps(configMap).delete();
            } catch (KubernetesClientException e) {
                LOG.warnf("could not delete sandbox ConfigMap %s: %s", configMap, e.getMessage());
            }
        }
    }

    private PodResource pods(String name) {
        return client.pods().inNamespace(namespace).withName(name);
    }

    private Resource<ConfigMap> configMaps(String name) {
        return client.configMaps().inNamespace(namespace).withName(name);
    }

    private static List<RunOutcome> failAll(int runs, String reason, long started) {
        return Collections.nCopies(runs, RunOutcome.sandboxFailure(reason, elapsed(started)));
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    /** Deletes the pods and ConfigMaps of batches still running; their runs end as sandbox failures. */
    @Override
    public void close() {
        closed = true;
        for (String name : List.copyOf(live)) {
            delete(name);
        }
    }
}
