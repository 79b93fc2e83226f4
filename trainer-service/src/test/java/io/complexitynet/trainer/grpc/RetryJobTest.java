package io.complexitynet.trainer.grpc;

import static io.complexitynet.auth.testing.Refusal.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.complexitynet.model.domain.RecordedMbppLabels;
import io.complexitynet.proto.v1.RetryTrainingJobRequest;
import io.complexitynet.proto.v1.TrainingJob;
import io.complexitynet.proto.v1.TrainingState;
import io.complexitynet.trainer.application.TrainingJobs;
import io.complexitynet.trainer.testing.CapturedLog;
import io.complexitynet.trainer.testing.JobEnd;
import io.complexitynet.trainer.testing.NamedConnections;
import io.complexitynet.trainer.testing.TrainerAsAdmin;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RetryJob: how an operator re-drives a training job whose request was parked, once its cause is fixed. */
@QuarkusTest
@TestProfile(NamedConnections.class)
class RetryJobTest extends TrainerAsAdmin {

    private static final String LABELING_JOB = "recorded-retry";

    @Inject
    TrainingJobs trainingJobs;

    private static RetryTrainingJobRequest retry(String jobId) {
        return RetryTrainingJobRequest.newBuilder().setJobId(jobId).build();
    }

    @Test
    void aParkedJobRunsAgainUnderItsOwnIdOnceFixedAndRetryingItAgainChangesNothing() throws Exception {
        recorded.store("retry-mbpp", LABELING_JOB, RecordedMbppLabels.records());
        String passCounts = recorded.damagePassCounts(LABELING_JOB);
        // As the labels-updated event starts it: StartTraining reads the labels before queuing, so it would fail there.
        String jobId = trainingJobs.retrain(LABELING_JOB);
        assertEquals(TrainingState.TRAINING_STATE_FAILED, JobEnd.await(trainer, jobId, Duration.ofSeconds(30)).getState());
        recorded.repairPassCounts(LABELING_JOB, passCounts);

        try (CapturedLog log = new CapturedLog("io.complexitynet.trainer")) {
            TrainingJob retried = trainer.retryJob(retry(jobId));
            assertEquals(TrainingState.TRAINING_STATE_RUNNING, retried.getState());
            assertEquals("", retried.getFailureReason());
            TrainingJob done = JobEnd.await(trainer, jobId, Duration.ofMinutes(3));
            assertEquals(TrainingState.TRAINING_STATE_SUCCEEDED, done.getState(), done.getFailureReason());
            assertEquals("", done.getFailureReason());

            TrainingJob again = trainer.retryJob(retry(jobId));
            assertEquals(TrainingState.TRAINING_STATE_SUCCEEDED, again.getState());
            assertEquals(done.getModelId(), again.getModelId());
            assertEquals(1, log.count("training_job_id=" + jobId + " queued again after it failed"));
        }
    }

    @Test
    void retryingAnUnknownJobIsNotFound() {
        assertRefused(Status.Code.NOT_FOUND, "no training job no-such-job", () -> trainer.retryJob(retry("no-such-job")));
    }
}
