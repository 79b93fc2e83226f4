package io.complexitynet.verifier.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.verifier.domain.RunOutcome;
import io.complexitynet.verifier.domain.RunOutcome.Termination;
import io.complexitynet.verifier.domain.SandboxRun;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class KubernetesPodSandboxTest {

    private static final int OUTPUT_BYTES = 65536;
    private static final int REPORT_BYTES = 65536;

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path scratch;

    private KubernetesPodSandbox sandbox(KubernetesSettings settings) {
        return new KubernetesPodSandbox(client, settings, "/usr/local/bin/python3", OUTPUT_BYTES, REPORT_BYTES);
    }

    @Test
    void batchRunsInOnePodAndGivesEachCandidateItsVerdictInputs() throws Exception {
        List<SandboxRun> runs = List.of(
                SandboxRuns.increment("probes"),
                SandboxRuns.run("loops", "while True: pass\n", Duration.ofSeconds(1), "1"),
                SandboxRuns.run("floods", "print('x' * 1_000_000)\n", Duration.ofSeconds(5), "1"),
                SandboxRuns.run("exits", "import os\nos._exit(3)\n", Duration.ofSeconds(5), "1"));
        List<RunOutcome> outcomes;
        try (KubeletStandIn kubelet = new KubeletStandIn(server, client, scratch, KubeletStandIn.Mode.RUN);
             KubernetesPodSandbox sandbox = sandbox(KubernetesSettings.defaults())) {
            outcomes = sandbox.run(runs);
            assertEquals(1, kubelet.pods().size());
        }

        RunOutcome probes = outcomes.get(0);
        assertEquals(Termination.EXITED, probes.termination());
        assertEquals(0, probes.exitCode());
        assertEquals("S code\nS setup\nR 0 ('int',2)\nD\n", probes.report());

        RunOutcome loops = outcomes.get(1);
        assertEquals(Termination.TIMED_OUT, loops.termination());
        assertTrue(loops.wallTime().compareTo(Duration.ofMillis(900)) > 0, "wall time " + loops.wallTime());
        assertTrue(loops.wallTime().compareTo(Duration.ofSeconds(3)) < 0, "wall time " + loops.wallTime());

        assertEquals(Termination.OUTPUT_EXCEEDED, outcomes.get(2).termination());

        RunOutcome exits = outcomes.get(3);
        assertEquals(Termination.EXITED, exits.termination());
        assertEquals(3, exits.exitCode());
        assertEquals("", exits.report());
    }

    @Test
    void aCandidateDoesNotSeeFilesAnEarlierOneLeft() throws Exception {
        List<RunOutcome> outcomes;
        try (KubeletStandIn kubelet = new KubeletStandIn(server, client, scratch, KubeletStandIn.Mode.RUN);
             KubernetesPodSandbox sandbox = sandbox(KubernetesSettings.defaults())) {
            outcomes = sandbox.run(List.of(
                    SandboxRuns.run("writer", "import os\nos.makedirs('d/e')\nopen('left', 'w').write('x')\n",
                            Duration.ofSeconds(5), "sorted(os.listdir('.'))"),
                    SandboxRuns.run("reader", "import os\n", Duration.ofSeconds(5), "os.listdir('.')")));
        }
        assertTrue(outcomes.get(0).report().contains("R 0 ('list',[('str','d'),('str','left')])"), outcomes.get(0).report());
        assertTrue(outcomes.get(1).report().contains("R 0 ('list',[])"), outcomes.get(1).report());
    }

    @Test
    void podAndConfigMapAreDeletedAfterASuccessfulBatch() throws Exception {
        try (KubeletStandIn kubelet = new KubeletStandIn(server, client, scratch, KubeletStandIn.Mode.RUN);
             KubernetesPodSandbox sandbox = sandbox(KubernetesSettings.defaults())) {
            List<RunOutcome> outcomes = sandbox.run(List.of(SandboxRuns.increment("c1")));
            assertEquals(Termination.EXITED, outcomes.get(0).termination());
            assertEquals(1, kubelet.pods().size());
        }
        assertNothingLeft();
    }

    @Test
    void theConfigMapIsOwnedByItsPod() throws Exception {
        try (KubeletStandIn kubelet = new KubeletStandIn(server, client, scratch, KubeletStandIn.Mode.RUN);
             KubernetesPodSandbox sandbox = sandbox(KubernetesSettings.defaults())) {
            sandbox.run(List.of(SandboxRuns.increment("c1")));
            Pod pod = kubelet.pods().get(0);
            ConfigMap configMap = kubelet.configMaps().get(0);
            assertEquals(pod.getMetadata().getUid(), configMap.getMetadata().getOwnerReferences().get(0).getUid());
            assertEquals("Pod", configMap.getMetadata().getOwnerReferences().get(0).getKind());
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

    @Test
    void podThatNeverFinishesIsDeletedAfterTheWait() throws Exception {
        List<RunOutcome> outcomes;
        long started = System.nanoTime();
        try (KubeletStandIn kubelet = new KubeletStandIn(server, client, scratch, KubeletStandIn.Mode.IGNORE);
             KubernetesPodSandbox sandbox = sandbox(KubernetesSettings.defaults())) {
            outcomes = sandbox.run(List.of(SandboxRuns.run("c1", "x = 1\n", Duration.ofSeconds(1), "x")));
        }
        // start timeout 1 s + wall time 1 s + deadline margin 1 s
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(10)) < 0);
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
    void batchTooLargeForAConfigMapFailsWithoutAPod() {
        String bulky = "# " + "x".repeat(600_000) + "\n";
        List<RunOutcome> outcomes;
        try (KubernetesPodSandbox sandbox = sandbox(KubernetesSettings.defaults())) {
            outcomes = sandbox.run(List.of(SandboxRuns.run("a", bulky, Duration.ofSeconds(1)),
                    SandboxRuns.run("b", bulky, Duration.ofSeconds(1))));
        }
        assertEquals(2, outcomes.size());
        assertEquals(Termination.SANDBOX_FAILURE, outcomes.get(1).termination());
        assertTrue(outcomes.get(1).detail().contains("ConfigMap"), outcomes.get(1).detail());
        assertNothingLeft();
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
