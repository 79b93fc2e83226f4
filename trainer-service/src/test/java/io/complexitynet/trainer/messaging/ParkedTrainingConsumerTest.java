package io.complexitynet.trainer.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.model.domain.RecordedMbppLabels;
import io.complexitynet.proto.v1.TrainingJob;
import io.complexitynet.proto.v1.TrainingState;
import io.complexitynet.trainer.application.TrainingJobs;
import io.complexitynet.trainer.config.TrainerConfig;
import io.complexitynet.trainer.persistence.ModelStore;
import io.complexitynet.trainer.testing.CapturedLog;
import io.complexitynet.trainer.testing.JobEnd;
import io.complexitynet.trainer.testing.ParkedCount;
import io.complexitynet.trainer.testing.TrainerAsAdmin;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A training request that fails on every delivery: the broker parks it and its job fails, visibly, with what failed,
 * instead of running forever; the parked message counts in complexitynet_parked_messages_total.
 */
@QuarkusTest
class ParkedTrainingConsumerTest extends TrainerAsAdmin {

    private static final String DAMAGED_JOB = "recorded-damaged";

    @Inject
    ModelStore models;

    @Inject
    TrainerConfig config;

    @Inject
    TrainingJobs trainingJobs;

    @Inject
    MeterRegistry registry;

    @Test
    void aRequestFailingOnEveryDeliveryIsParkedAndItsJobFailedWithTheReason() throws Exception {
        recorded.store("damaged", DAMAGED_JOB, RecordedMbppLabels.records().subList(0, 50));
        // Reading the labels throws on every delivery: the failure is in the data, not in a passing outage.
        recorded.damagePassCounts(DAMAGED_JOB);
        double parkedBefore = ParkedCount.of(registry, "training-requests.parked");
        try (CapturedLog log = new CapturedLog("io.complexitynet.trainer")) {
            // As the labels-updated event starts it: StartTraining reads the labels before queuing, so it would fail there.
            String jobId = trainingJobs.retrain(DAMAGED_JOB);
            TrainingJob job = JobEnd.await(trainer, jobId, Duration.ofSeconds(30));

            assertEquals(TrainingState.TRAINING_STATE_FAILED, job.getState());
            assertEquals("training failed on all 3 deliveries of its request (trainer.jobs.max-redeliveries=2) and the broker parked it"
                    + " on training-requests.parked; the last attempt failed with IllegalStateException: a stored label is not readable"
                    + " JSON. Once the cause is fixed, RetryJob runs it again", job.getFailureReason());
            assertFalse(job.getFinishedAt().isEmpty());
            assertEquals("", job.getModelId());
            assertTrue(models.byTrainingJob(jobId).isEmpty());
            assertEquals(1 + config.jobs().maxRedeliveries(), log.count("training_job_id=" + jobId + " failed, will be retried"));
            assertEquals(1, log.count("training_job_id=" + jobId + " parked after its delivery limit and failed"));
            assertEquals(parkedBefore + 1, ParkedCount.after(registry, "training-requests.parked", parkedBefore));
        }
    }
}
