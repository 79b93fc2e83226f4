package io.complexitynet.verifier.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.verifier.domain.BatchPolicy;
import io.complexitynet.verifier.domain.CandidateResult;
import io.complexitynet.verifier.domain.RunOutcome;
import io.complexitynet.verifier.domain.RunOutcome.Termination;
import io.complexitynet.verifier.domain.SandboxRun;
import io.complexitynet.verifier.domain.Verdict;
import io.complexitynet.verifier.domain.Verifier;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class KubernetesPodSandboxTest {

    private static final int OUTPUT_BYTES = 65536;
    private static final int REPORT_BYTES = 65536;
    private static final BatchPolicy POLICY = new BatchPolicy(4, 65536, 10, 1024, Duration.ofMillis(100),
            Duration.ofSeconds(60), 16L << 20, 1L << 30);

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path scratch;

    private KubernetesPodSandbox sandbox(KubernetesSettings settings) {
        return new KubernetesPodSandbox(client, settings, "/usr/bin/python3", OUTPUT_BYTES, REPORT_BYTES);
    }

    @Test
    void batchRunsInOnePodAndGivesEachCandidateItsOutcome() throws Exception {
        List<SandboxRun> runs = List.of(
                SandboxRuns.increment("increments"),
                SandboxRuns.run("loops", "while True: pass\n", Duration.ofSeconds(1), "assert f(1) == 2"),
                SandboxRuns.run("floods", "print('x' * 1_000_000)\n", Duration.ofSeconds(5), "assert f(1) == 2"),
                SandboxRuns.run("exits", "import os\nos._exit(3)\n", Duration.ofSeconds(5), "assert f(1) == 2"));
        List<RunOutcome> outcomes;
        try (KubeletStandIn kubelet = new KubeletStandIn(server, client, scratch, KubeletStandIn.Mode.RUN);
             KubernetesPodSandbox sandbox = sandbox(KubernetesSettings.defaults())) {
            outcomes = sandbox.run(runs);
            assertEquals(1, kubelet.pods().size());
            assertEquals(List.of(SandboxPodSpec.CANDIDATE_CONTAINER, SandboxPodSpec.JUDGE_CONTAINER),
                    kubelet.pods().get(0).getSpec().getContainers().stream().map(c -> c.getName()).toList());
        }

        RunOutcome increments = outcomes.get(0);
        assertEquals(Termination.EXITED, increments.termination());
        assertEquals(0, increments.exitCode());
        assertEquals("S code\nS setup\nH 0\nD\n", increments.report());

        RunOutcome loops = outcomes.get(1);
        assertEquals(Termination.TIMED_OUT, loops.termination());
        assertTrue(loops.wallTime().compareTo(Duration.ofMillis(900)) > 0, "wall time " + loops.wallTime());
        assertTrue(loops.wallTime().compareTo(Duration.ofSeconds(3)) < 0, "wall time " + loops.wallTime());

        // The candidate container's record: the judge only saw the candidate's process go.
        assertEquals(Termination.OUTPUT_EXCEEDED, outcomes.get(2).termination());

        RunOutcome exits = outcomes.get(3);
        assertEquals(Termination.EXITED, exits.termination());
        assertEquals(3, exits.exitCode());
        assertEquals("G code\nD\n", exits.report());
    }

    @Test
    void verdictsComeFromTheJudgeContainer() throws Exception {
        List<CandidateResult> results;
        try (KubeletStandIn kubelet = new KubeletStandIn(server, client, scratch, KubeletStandIn.Mode.RUN);
             KubernetesPodSandbox sandbox = sandbox(KubernetesSettings.defaults())) {
            results = new Verifier(sandbox, POLICY, 4).verify(List.of(
                    SandboxRuns.candidate("right", "def f(x):\n    return x+1\n", Duration.ofSeconds(5), "assert f(1) == 2"),
                    SandboxRuns.candidate("wrong", "def f(x):\n    return x\n", Duration.ofSeconds(5), "assert f(1) == 2"),
                    SandboxRuns.candidate("always-equal", "class Anything:\n    def __eq__(self, other):\n"
                            + "        return True\n\ndef f(x):\n    return Anything()\n",
                            Duration.ofSeconds(5), "assert f(1) == 2")));
        }
        assertInstanceOf(Verdict.Passed.class, results.get(0).verdict());
        assertInstanceOf(Verdict.Failed.class, results.get(1).verdict());
        // Its __eq__ runs nowhere: the judge cannot compare an object that is not plain data, so the test fails.
        assertInstanceOf(Verdict.Failed.class, results.get(2).verdict());
    }

    @Test
    void theTestsReachOnlyTheJudgeContainer() throws Exception {
        String test = "assert f(1) == 12345";
        Pod pod;
        ConfigMap code;
        ConfigMap tests;
        try (KubeletStandIn kubelet = new KubeletStandIn(server, client, scratch, KubeletStandIn.Mode.RUN);
             KubernetesPodSandbox sandbox = sandbox(KubernetesSettings.defaults())) {
            RunOutcome outcome = sandbox.run(List.of(SandboxRuns.run("c1", "def f(x):\n    return x+1\n",
                    Duration.ofSeconds(5), test))).get(0);
            assertTrue(outcome.report().contains("F 0 "), outcome.report());
            pod = kubelet.pods().get(0);
            code = kubelet.configMap(pod.getMetadata().getName() + SandboxPodSpec.CANDIDATE_FILES);
            tests = kubelet.configMap(pod.getMetadata().getName() + SandboxPodSpec.JUDGE_FILES);
        }
        assertEquals(List.of(code.getMetadata().getName()), mountedConfigMaps(pod, SandboxPodSpec.CANDIDATE_CONTAINER));
        assertEquals(List.of(tests.getMetadata().getName()), mountedConfigMaps(pod, SandboxPodSpec.JUDGE_CONTAINER));
        assertFalse(values(code).anyMatch(value -> value.contains("12345")), "the candidate container's ConfigMap holds the test");
        assertTrue(values(tests).anyMatch(value -> value.contains(test)), "the judge container's ConfigMap lacks the test");
    }

    @Test
    void aCandidateDoesNotSeeFilesAnEarlierOneLeft() throws Exception {
        assertEveryTestHeldInOnePod(
                SandboxRuns.run("writer", "import os\nos.makedirs('d/e')\nopen('left', 'w').write('x')\n"
                        + "def listing():\n    return sorted(os.listdir('.'))\n",
                        Duration.ofSeconds(5), "assert listing() == ['d', 'left']"),
                SandboxRuns.run("reader", "import os\ndef listing():\n    return os.listdir('.')\n",
                        Duration.ofSeconds(5), "assert listing() == []"));
    }

    /** Runs the candidates as one batch through the stand-in and asserts each one's only test held. */
    private void assertEveryTestHeldInOnePod(SandboxRun... runs) throws Exception {
        List<RunOutcome> outcomes;
        try (KubeletStandIn kubelet = new KubeletStandIn(server, client, scratch, KubeletStandIn.Mode.RUN);
             KubernetesPodSandbox sandbox = sandbox(KubernetesSettings.defaults())) {
            outcomes = sandbox.run(List.of(runs));
        }
        for (RunOutcome outcome : outcomes) {
            assertTrue(outcome.report().contains("H 0\n"), outcome.report());
        }
    }

    /** A candidate that looks for a sibling's code in its container's files, its channel and its directory. */
    private static String siblingSeeker(String me, String sibling) {
        return "import os, sys\n"
                + "# SIBLING_" + me + "\n"
                + "def sibling_seen():\n"
                + "    other = 'SIB' + 'LING_' + '" + sibling + "'\n"
                + "    for place in (os.path.dirname(os.path.abspath(sys.argv[0])), sys.argv[-1], os.getcwd()):\n"
                + "        for name in os.listdir(place):\n"
                + "            path = os.path.join(place, name)\n"
                + "            try:\n"
                + "                if os.path.isfile(path) and other in open(path, errors='replace').read():\n"
                + "                    return True\n"
                + "            except OSError:\n"
                + "                pass\n"
                + "    return False\n";
    }

    @Test
    void noCandidateOfABatchCanReadAnothersCode() throws Exception {
        assertEveryTestHeldInOnePod(
                SandboxRuns.run("first", siblingSeeker("first", "second"), Duration.ofSeconds(5), "assert sibling_seen() is False"),
                SandboxRuns.run("second", siblingSeeker("second", "first"), Duration.ofSeconds(5), "assert sibling_seen() is False"));
    }

    @Test
    void podAndBothConfigMapsAreDeletedAfterASuccessfulBatch() throws Exception {
        try (KubeletStandIn kubelet = new KubeletStandIn(server, client, scratch, KubeletStandIn.Mode.RUN);
             KubernetesPodSandbox sandbox = sandbox(KubernetesSettings.defaults())) {
            List<RunOutcome> outcomes = sandbox.run(List.of(SandboxRuns.increment("c1")));
            assertEquals(Termination.EXITED, outcomes.get(0).termination());
            assertEquals(1, kubelet.pods().size());
            assertEquals(2, kubelet.configMaps().size());
        }
        assertNothingLeft();
    }

    @Test
    void bothConfigMapsAreOwnedByTheirPod() throws Exception {
        try (KubeletStandIn kubelet = new KubeletStandIn(server, client, scratch, KubeletStandIn.Mode.RUN);
             KubernetesPodSandbox sandbox = sandbox(KubernetesSettings.defaults())) {
            sandbox.run(List.of(SandboxRuns.increment("c1")));
            Pod pod = kubelet.pods().get(0);
            String name = pod.getMetadata().getName();
            for (String suffix : List.of(SandboxPodSpec.CANDIDATE_FILES, SandboxPodSpec.JUDGE_FILES)) {
                List<OwnerReference> owners = kubelet.configMap(name + suffix).getMetadata().getOwnerReferences();
                assertEquals(1, owners.size(), suffix);
                assertEquals(pod.getMetadata().getUid(), owners.get(0).getUid(), suffix);
                assertEquals("Pod", owners.get(0).getKind(), suffix);
                assertEquals(name, owners.get(0).getName(), suffix);
            }
        }
    }

    @Test
    void everyCandidateFailsWithThePodsReasonWhenThePodFails() throws Exception {
        List<RunOutcome> outcomes;
        try (KubeletStandIn kubelet = new KubeletStandIn(server, client, scratch, KubeletStandIn.Mode.FAIL);
             KubernetesPodSandbox sandbox = sandbox(KubernetesSettings.defaults())) {
            outcomes = sandbox.run(List.of(SandboxRuns.increment("c1"), SandboxRuns.increment("c2")));
        }
        for (RunOutcome outcome : outcomes) {
            assertEquals(Termination.SANDBOX_FAILURE, outcome.termination());
            assertTrue(outcome.detail().contains("OOMKilled (exit code 137)"), outcome.detail());
        }
        assertNothingLeft();
    }

    // The pod is given up on after start timeout 1 s + wall time 1 s + deadline margin 1 s; the JUnit timeout only
    // guards against a run that never gives up (a bound on elapsed time here would fail on a loaded machine).
    @Test
    @Timeout(120)
    void podThatNeverFinishesIsDeletedAfterTheWait() throws Exception {
        List<RunOutcome> outcomes;
        try (KubeletStandIn kubelet = new KubeletStandIn(server, client, scratch, KubeletStandIn.Mode.IGNORE);
             KubernetesPodSandbox sandbox = sandbox(KubernetesSettings.defaults())) {
            outcomes = sandbox.run(List.of(SandboxRuns.run("c1", "x = 1\n", Duration.ofSeconds(1), "assert x == 1")));
        }
        assertEquals(Termination.SANDBOX_FAILURE, outcomes.get(0).termination());
        assertTrue(outcomes.get(0).detail().contains("did not finish within 3 s"), outcomes.get(0).detail());
        assertNothingLeft();
    }

    @Test
    void closeDeletesTheBatchesStillRunningAndEndsThem() throws Exception {
        try (KubeletStandIn kubelet = new KubeletStandIn(server, client, scratch, KubeletStandIn.Mode.IGNORE)) {
            KubernetesPodSandbox sandbox = sandbox(KubernetesSettings.defaults().withStartTimeout(Duration.ofSeconds(60)));
            CompletableFuture<List<RunOutcome>> pending =
                    CompletableFuture.supplyAsync(() -> sandbox.run(List.of(SandboxRuns.increment("c1"))));
            awaitPod();
            sandbox.close();
            assertNothingLeft();
            List<RunOutcome> outcomes = pending.get(10, TimeUnit.SECONDS);
            assertEquals(Termination.SANDBOX_FAILURE, outcomes.get(0).termination());
            assertTrue(outcomes.get(0).detail().contains("shut down"), outcomes.get(0).detail());
        }
    }

    @Test
    void batchTooLargeForEitherConfigMapFailsWithoutAPod() {
        String bulky = "# " + "x".repeat(600_000) + "\n";
        List<List<SandboxRun>> batches = List.of(
                List.of(SandboxRuns.run("a", bulky, Duration.ofSeconds(1), "assert True"),
                        SandboxRuns.run("b", bulky, Duration.ofSeconds(1), "assert True")),
                List.of(SandboxRuns.run("a", "x = 1\n", Duration.ofSeconds(1), bulky),
                        SandboxRuns.run("b", "x = 1\n", Duration.ofSeconds(1), bulky)));
        for (List<SandboxRun> batch : batches) {
            List<RunOutcome> outcomes;
            try (KubernetesPodSandbox sandbox = sandbox(KubernetesSettings.defaults())) {
                outcomes = sandbox.run(batch);
            }
            assertEquals(2, outcomes.size());
            assertEquals(Termination.SANDBOX_FAILURE, outcomes.get(1).termination());
            assertTrue(outcomes.get(1).detail().contains("ConfigMap"), outcomes.get(1).detail());
            assertNothingLeft();
        }
    }

    private static List<String> mountedConfigMaps(Pod pod, String container) {
        List<String> mounted = pod.getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(container)).findFirst().orElseThrow()
                .getVolumeMounts().stream().map(VolumeMount::getName).toList();
        return pod.getSpec().getVolumes().stream()
                .filter(volume -> volume.getConfigMap() != null && mounted.contains(volume.getName()))
                .map(volume -> volume.getConfigMap().getName()).toList();
    }

    /** Every value of the ConfigMap as the container reads it, binary ones decoded. */
    private static Stream<String> values(ConfigMap configMap) {
        return Stream.concat(configMap.getData().values().stream(), configMap.getBinaryData().values().stream()
                .map(value -> new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
    }

    private void awaitPod() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (client.pods().inAnyNamespace().list().getItems().isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "no sandbox pod was created");
            Thread.sleep(20);
        }
    }

    private void assertNothingLeft() {
        assertEquals(List.of(), client.pods().inAnyNamespace().list().getItems());
        assertEquals(List.of(), client.configMaps().inAnyNamespace().list().getItems());
    }
}
