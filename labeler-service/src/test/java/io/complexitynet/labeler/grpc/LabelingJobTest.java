package io.complexitynet.labeler.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.restassured.RestAssured.given;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import io.complexitynet.core.testing.ExchangeListener;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.testing.MbppSlices;
import io.complexitynet.core.testing.PrometheusText;
import io.complexitynet.labeler.testing.LabelerAsAdmin;
import io.complexitynet.testing.VerifierResource;
import io.complexitynet.proto.v1.CancelJobRequest;
import io.complexitynet.proto.v1.CandidateResult;
import io.complexitynet.proto.v1.GetJobRequest;
import io.complexitynet.proto.v1.ImportDatasetRequest;
import io.complexitynet.proto.v1.RetryParkedRequest;
import io.complexitynet.proto.v1.RetryParkedResponse;
import io.complexitynet.proto.v1.Verdict;
import io.complexitynet.proto.v1.VerifyResponse;
import io.complexitynet.proto.v1.JobState;
import io.complexitynet.proto.v1.LabelingJob;
import io.complexitynet.proto.v1.LabelsUpdated;
import io.complexitynet.proto.v1.ListLabelsRequest;
import io.complexitynet.proto.v1.ListLabelsResponse;
import io.complexitynet.proto.v1.TaskLabel;
import io.complexitynet.proto.v1.ModelPassCount;
import io.complexitynet.proto.v1.StartLabelingRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Whole labelling jobs over real RabbitMQ and PostgreSQL, with the real verifier-service as a
 * separate process judging every replayed model output.
 */
@QuarkusTest
@QuarkusTestResource(VerifierResource.class)
@QuarkusTestResource(KeycloakResource.class)
class LabelingJobTest extends LabelerAsAdmin {

    private LabelingJob start(String dataset, Set<Integer> taskIds) {
        labeler.importDataset(ImportDatasetRequest.newBuilder().setName(dataset)
                .setPath(MbppSlices.of(dataset, taskIds).toString()).build());
        return labeler.startLabeling(StartLabelingRequest.newBuilder().setDataset(dataset).setStartedBy("labeling-job-test").build());
    }

    private long count(String sql, String jobId) {
        return ((Number) entities.createNativeQuery(sql).setParameter(1, jobId).getSingleResult()).longValue();
    }

    @Test
    void aJobLabelsEveryTaskFromVerifiedReplayedOutputsAndTellsTheTrainer() throws Exception {
        Set<Integer> tasks = IntStream.rangeClosed(11, 40).boxed().collect(Collectors.toSet());
        try (ExchangeListener<LabelsUpdated> trainer = new ExchangeListener<>("complexitynet.labels-updated", LabelsUpdated::parseFrom)) {
            LabelingJob started = start("mbpp-11-40", tasks);
            assertEquals(30, started.getTasksTotal());
            assertEquals("paper5/v1(reliable>=0.80)", started.getRuleVersion());

            LabelingJob done = awaitEnd(started.getJobId(), 120);
            assertEquals(JobState.JOB_STATE_COMPLETED, done.getState(), done::toString);
            assertEquals(30, done.getTasksDone());
            assertEquals(90, done.getSamplesVerified());
            assertEquals(0, done.getParkedCount());
            // The caller's token names who started the job, not the request's started_by.
            assertEquals(KeycloakRealm.ADMIN_OPS.username(), done.getStartedBy());
            for (ModelPassCount passes : done.getPassesList()) {
                assertEquals(30, passes.getTries());
                assertEquals(passes.getPasses(), count("select count(*) from sample where job_id = ?1 and verdict = 'PASSED' and model = '"
                        + passes.getModel() + "'", started.getJobId()));
            }
            assertEquals(90, count("select count(*) from sample where job_id = ?1", started.getJobId()));
            assertEquals(30, count("select count(*) from task_label where job_id = ?1", started.getJobId()));

            List<TaskLabel> paged = new ArrayList<>();
            String token = "";
            do {
                ListLabelsResponse page = labeler.listLabels(ListLabelsRequest.newBuilder().setJobId(started.getJobId())
                        .setPageSize(7).setPageToken(token).build());
                assertTrue(page.getLabelsCount() <= 7);
                paged.addAll(page.getLabelsList());
                token = page.getNextPageToken();
            } while (!token.isEmpty());
            assertEquals(30, paged.stream().map(TaskLabel::getTaskSourceId).distinct().count());
            List<TaskLabel> easiest = labeler.listLabels(ListLabelsRequest.newBuilder().setDataset("mbpp-11-40").setComplexity(1)
                    .setPageSize(100).build()).getLabelsList();
            assertEquals(count("select count(*) from task_label where job_id = ?1 and complexity = 1", started.getJobId()), easiest.size());
            easiest.forEach(label -> assertEquals(1, label.getComplexity()));

            LabelsUpdated event = trainer.next(e -> e.getJobId().equals(started.getJobId()), 30);
            assertNotNull(event, "no labels-updated event");
            assertEquals("mbpp-11-40", event.getDataset());
            assertEquals(30, event.getLabels());
        }
    }

    @Test
    void everyVerifiedSampleStoresWhatItsTestFreeRunShowedBesideItsVerdict() throws Exception {
        // Tasks whose tests expect no None: an answer that passes them returns a value from every example call.
        LabelingJob started = start("mbpp-41-60", IntStream.rangeClosed(41, 60).boxed().collect(Collectors.toSet()));
        String jobId = started.getJobId();
        LabelingJob done = awaitEnd(jobId, 120);
        assertEquals(JobState.JOB_STATE_COMPLETED, done.getState(), done::toString);
        // Probes are not samples: they are neither counted as verified nor tallied into the labels.
        assertEquals(60, done.getSamplesVerified());
        assertEquals(60, count("select count(*) from sample where job_id = ?1", jobId));
        for (ModelPassCount passes : done.getPassesList()) {
            assertEquals(passes.getPasses(), count("select count(*) from sample where job_id = ?1 and verdict = 'PASSED' and model = '"
                    + passes.getModel() + "'", jobId));
        }
        assertEquals(20, count("select count(*) from task_label where job_id = ?1", jobId));

        // Every answer the verifier judged was probed; Code Llama's two empty answers (47, 54) were judged without it.
        assertEquals(58, count("select count(*) from sample where job_id = ?1 and probe_kind in"
                + " ('RETURNED', 'RETURNED_NONE', 'RETURNED_SAME', 'RAISED', 'DID_NOT_LOAD', 'LIMIT')"
                + " and probe_calls >= 1 and probe_calls_returned between 0 and probe_calls and probe_millis >= 0", jobId));
        assertEquals(2, count("select count(*) from sample where job_id = ?1 and probe_kind is null and completion = ''", jobId));
        long passed = count("select count(*) from sample where job_id = ?1 and verdict = 'PASSED'", jobId);
        assertTrue(passed > 0, "no sample passed");
        // A passing answer's calls all returned values; the same for every call only where the task expects that.
        assertEquals(passed, count("select count(*) from sample where job_id = ?1 and verdict = 'PASSED'"
                + " and probe_kind in ('RETURNED', 'RETURNED_SAME') and probe_calls_returned = probe_calls", jobId));
        // A probe's statements never reach a verdict's detail: no probe result was taken for a sample's.
        assertEquals(0, count("select count(*) from sample where job_id = ?1 and verdict_detail like '%is not None%'", jobId));
    }

    @Test
    void aProbeTheVerifierCannotTakeNeverCostsATaskItsVerdicts() throws Exception {
        // The text shows an example no parser takes: the batch with probes is rejected, and sent again without them.
        Path slice = MbppSlices.of("mbpp-broken-example", Set.of(61, 62));
        Files.write(slice, Files.readAllLines(slice).stream()
                .map(line -> line.replaceFirst("\"text\": \"", "\"text\": \">>> broken(1 2)\\\\n")).toList());
        labeler.importDataset(ImportDatasetRequest.newBuilder().setName("mbpp-broken-example").setPath(slice.toString()).build());
        String jobId = labeler.startLabeling(StartLabelingRequest.newBuilder().setDataset("mbpp-broken-example")
                .setStartedBy("labeling-job-test").build()).getJobId();
        LabelingJob done = awaitEnd(jobId, 120);
        assertEquals(JobState.JOB_STATE_COMPLETED, done.getState(), done::toString);
        assertEquals(0, done.getParkedCount(), done::toString);
        assertEquals(2, count("select count(*) from task_label where job_id = ?1", jobId));
        assertEquals(0, count("select count(*) from sample where job_id = ?1 and completion <> '' and verdict is null", jobId));
        assertEquals(0, count("select count(*) from sample where job_id = ?1 and probe_kind is not null", jobId));
    }

    @Test
    void workThatFailsOnEveryDeliveryIsParkedAndTheJobCompletesWithoutIt() throws Exception {
        // GPT-3.5's and GPT-4's answers to task 440 were never recorded: the replay backend refuses them every time.
        double parkedBefore = parkedTaken("labeling-work.parked");
        LabelingJob started = start("mbpp-poisoned", Set.of(438, 439, 440, 441));
        LabelingJob done = awaitEnd(started.getJobId(), 120);
        assertEquals(JobState.JOB_STATE_COMPLETED, done.getState(), done::toString);
        assertEquals(3, done.getTasksDone());
        assertEquals(1, done.getParkedCount());
        assertEquals("440", done.getParked(0).getTaskSourceId());
        assertTrue(done.getParked(0).getReason().contains("440"), done.getParked(0).getReason());
        // The first delivery and labeler.work.max-redeliveries (3) more, then the broker parks it.
        assertEquals(4, count("select attempts from job_task jt join task t on t.id = jt.task_id where jt.job_id = ?1 and t.source_id = '440'",
                started.getJobId()));
        assertTrue(parkedTaken("labeling-work.parked") >= parkedBefore + 1, "the parked work is not counted");

        // An operator sends it again: the job reopens, the task fails the same way and is parked again; once is enough.
        RetryParkedResponse retried = labeler.retryParked(RetryParkedRequest.newBuilder().setJobId(started.getJobId()).build());
        assertEquals(1, retried.getTasksRetried());
        assertEquals(JobState.JOB_STATE_RUNNING, retried.getJob().getState());
        assertEquals(0, retried.getJob().getParkedCount());
        assertEquals(0, labeler.retryParked(RetryParkedRequest.newBuilder().setJobId(started.getJobId()).build()).getTasksRetried());
        LabelingJob again = awaitEnd(started.getJobId(), 120);
        assertEquals(JobState.JOB_STATE_COMPLETED, again.getState(), again::toString);
        assertEquals(3, again.getTasksDone());
        assertEquals(1, again.getParkedCount());
        assertEquals(3, count("select count(*) from task_label where job_id = ?1", started.getJobId()));
        // Three labelled tasks' samples, stored once; 440 never had all its answers, so it stored none.
        assertEquals(9, count("select count(*) from sample where job_id = ?1", started.getJobId()));
    }

    @Test
    void verificationResultsThatCannotBeRecordedParkTheirTaskWithTheReason() throws Exception {
        // Enough tasks that the job cannot finish before it is cancelled, and a task it had not labelled by then: only a
        // task still open is parked (a labelled one keeps its label), and on a fast machine two tasks were done at once.
        LabelingJob started = start("mbpp-results-poisoned", IntStream.rangeClosed(450, 509).boxed().collect(Collectors.toSet()));
        labeler.cancelJob(CancelJobRequest.newBuilder().setJobId(started.getJobId()).build());
        // Labels whose transaction began before the cancel still land: wait until the labels stop moving.
        long labels = -1;
        for (long now = count("select count(*) from task_label where job_id = ?1", started.getJobId()); now != labels; ) {
            labels = now;
            Thread.sleep(1000);
            now = count("select count(*) from task_label where job_id = ?1", started.getJobId());
        }
        long taskId = count("select coalesce(min(jt.task_id), -1) from job_task jt where jt.job_id = ?1 and not exists"
                + " (select 1 from task_label tl where tl.job_id = jt.job_id and tl.task_id = jt.task_id)", started.getJobId());
        assertTrue(taskId >= 0, "the job labelled every task before it was cancelled");
        // A result naming a candidate this labeler never made fails on every delivery for its own content.
        double parkedBefore = parkedTaken("verification-results.parked");
        VerifyResponse poisoned = VerifyResponse.newBuilder().setBatchId(started.getJobId() + "/" + taskId)
                .addResults(CandidateResult.newBuilder().setCandidateId("not-a-sample").setVerdict(Verdict.VERDICT_PASSED)).build();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        try (Connection connection = factory.newConnection("poisoned-result"); Channel channel = connection.createChannel()) {
            channel.basicPublish("complexitynet.verification-results", "result", null, poisoned.toByteArray());
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        LabelingJob job = labeler.getJob(GetJobRequest.newBuilder().setJobId(started.getJobId()).build());
        while (job.getParkedCount() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            job = labeler.getJob(GetJobRequest.newBuilder().setJobId(started.getJobId()).build());
        }
        assertEquals(1, job.getParkedCount(), job::toString);
        assertEquals("its verification results could not be recorded on any delivery", job.getParked(0).getReason());
        assertTrue(parkedTaken("verification-results.parked") >= parkedBefore + 1, "the parked result is not counted");
        StatusRuntimeException cancelled = assertThrows(StatusRuntimeException.class,
                () -> labeler.retryParked(RetryParkedRequest.newBuilder().setJobId(started.getJobId()).build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, cancelled.getStatus().getCode());
        assertTrue(cancelled.getStatus().getDescription().contains("was cancelled"), cancelled.getStatus()::getDescription);
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class,
                () -> labeler.retryParked(RetryParkedRequest.newBuilder().setJobId("no-such-job").build()));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
    }

    @Test
    void killingTheVerifierMidJobLosesAndDuplicatesNothing() throws Exception {
        Set<Integer> tasks = IntStream.rangeClosed(101, 220).boxed().collect(Collectors.toSet());
        LabelingJob started = start("mbpp-verifier-crash", tasks);
        String jobId = started.getJobId();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (count("select count(*) from sample where job_id = ?1 and verdict is not null", jobId) < 30 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        VerifierResource.verifier().kill();
        long verifiedAtCrash = count("select count(*) from sample where job_id = ?1 and verdict is not null", jobId);
        assertTrue(verifiedAtCrash < 360, "the job finished before the verifier was killed");
        VerifierResource.verifier().start();

        LabelingJob done = awaitEnd(jobId, 180);
        assertEquals(JobState.JOB_STATE_COMPLETED, done.getState(), done::toString);
        assertEquals(120, done.getTasksDone());
        assertEquals(360, count("select count(*) from sample where job_id = ?1", jobId));
        assertEquals(360, count("select count(distinct concat(task_id, model, sample_index)) from sample where job_id = ?1 and verdict is not null", jobId));
        assertEquals(120, count("select count(*) from task_label where job_id = ?1", jobId));
    }

    /** The parking queue's counter, shown at 0 from the start: only its value says whether something was parked. */
    private static double parkedTaken(String queue) {
        return PrometheusText.valueOf(given().get("/q/metrics").asString(), "complexitynet_parked_messages_total{queue=\"" + queue + "\"}");
    }
}
