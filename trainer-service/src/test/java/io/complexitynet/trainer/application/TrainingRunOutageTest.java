package io.complexitynet.trainer.application;

import static io.complexitynet.trainer.testing.RecordedLabelingJob.MBPP_JOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.proto.v1.GetTrainingJobRequest;
import io.complexitynet.proto.v1.StartTrainingRequest;
import io.complexitynet.proto.v1.TrainingJob;
import io.complexitynet.proto.v1.TrainingState;
import io.complexitynet.trainer.testing.CapturedLog;
import io.complexitynet.trainer.testing.NamedConnections;
import io.complexitynet.trainer.testing.Poll;
import io.complexitynet.trainer.testing.TrainerAsAdmin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running training job (every connection of the trainer cut, as a restart cuts them):
 * the run waits it out around its database steps and goes on, so the model is fitted once and the request is not
 * redelivered.
 */
@QuarkusTest
@TestProfile(NamedConnections.class)
class TrainingRunOutageTest extends TrainerAsAdmin {

    @Inject
    MeterRegistry registry;

    @Test
    void connectionsCutMidTrainingAreWaitedOutAndTheModelIsFittedOnce() throws Exception {
        recorded.storeMbpp();
        long fitsBefore = fits();
        double retriesBefore = retries();
        try (CapturedLog log = new CapturedLog("io.complexitynet.trainer")) {
            String jobId = trainer.startTraining(StartTrainingRequest.newBuilder().setLabelingJobId(MBPP_JOB).build()).getJobId();
            GetTrainingJobRequest get = GetTrainingJobRequest.newBuilder().setJobId(jobId).build();
            // Past reading the labels: the fitting's next progress writes and the model's store meet the cut.
            assertTrue(Poll.until(Duration.ofMinutes(1), () -> Optional.of(trainer.getJob(get)).filter(job -> !job.getStage().equals("queued")))
                    .isPresent(), "the job never started fitting");
            assertTrue(NamedConnections.cut() > 0, "the trainer held no connection to cut");

            // Read beside the trainer: a GetJob would take one of its cut connections and spare the run from meeting it.
            assertEquals("SUCCEEDED", Poll.until(Duration.ofMinutes(3), () -> Optional.of(state(jobId)).filter(state -> !state.equals("RUNNING")))
                    .orElse("RUNNING"));
            TrainingJob job = trainer.getJob(get);
            assertEquals(TrainingState.TRAINING_STATE_SUCCEEDED, job.getState(), job.getFailureReason());
            assertTrue(retries() > retriesBefore, "no database step of the run met the cut");
            assertEquals(fitsBefore + 1, fits(), "the model was fitted more than once");
            assertEquals(0, log.count("training_job_id=" + jobId + " failed, will be retried"));
        }
    }

    /** Fits so far: the timer is registered with the first job this trainer runs. */
    private long fits() {
        Timer training = registry.find("trainer.training.duration").timer();
        return training == null ? 0 : training.count();
    }

    private double retries() {
        return registry.find("complexitynet_transient_retries_total").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static String state(String jobId) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=trainer_test",
                "postgres", ""); PreparedStatement select = connection.prepareStatement("select state from training_job where id = ?")) {
            select.setString(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
