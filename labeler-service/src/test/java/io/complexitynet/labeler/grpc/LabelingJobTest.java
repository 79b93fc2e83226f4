package io.complexitynet.labeler.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.testing.FanoutListener;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.testing.MbppSlices;
import io.complexitynet.labeler.testing.LabelerAsAdmin;
import io.complexitynet.testing.VerifierResource;
import io.complexitynet.proto.v1.ImportDatasetRequest;
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
        try (FanoutListener<LabelsUpdated> trainer = new FanoutListener<>("complexitynet.labels-updated", LabelsUpdated::parseFrom)) {
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
    void workThatFailsOnEveryDeliveryIsParkedAndTheJobCompletesWithoutIt() throws Exception {
        // GPT-3.5's and GPT-4's answers to task 440 were never recorded: the replay backend refuses them every time.
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
}
