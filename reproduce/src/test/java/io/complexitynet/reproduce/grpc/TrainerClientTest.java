package io.complexitynet.reproduce.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.complexitynet.proto.v1.ModelMetrics;
import io.complexitynet.proto.v1.TrainingJob;
import io.complexitynet.proto.v1.TrainingState;
import io.complexitynet.reproduce.domain.JobStatus.Phase;
import io.complexitynet.reproduce.domain.TrainingFigures;
import io.complexitynet.reproduce.domain.TrainingJobStatus;
import org.junit.jupiter.api.Test;

class TrainerClientTest {

    private static TrainingJob.Builder job(TrainingState state) {
        return TrainingJob.newBuilder().setJobId("t1").setState(state);
    }

    @Test
    void aSucceededJobCarriesItsModelAndEveryFigureItMeasured() {
        ModelMetrics metrics = ModelMetrics.newBuilder().setAccuracy(0.55).setMacroF1(0.39).setMajorityAccuracy(0.44)
                .setTfidfAccuracy(0.47).setTfidfMacroF1(0.38).setThreshold(0.62).setPassRate(0.58).setCostCutVsLargest(0.51).build();
        TrainingJobStatus status = TrainerClient.status(job(TrainingState.TRAINING_STATE_SUCCEEDED).setStage("done").setProgress(1)
                .setModelId("m1").setMetrics(metrics).build());
        assertEquals(new TrainingJobStatus("t1", Phase.SUCCEEDED, "done", 1, "", "m1",
                new TrainingFigures(0.55, 0.39, 0.44, 0.47, 0.38, 0.62, 0.58, 0.51)), status);
    }

    @Test
    void aFailedJobHasStoppedWithItsReason() {
        TrainingJobStatus status = TrainerClient.status(job(TrainingState.TRAINING_STATE_FAILED).setFailureReason("one class only")
                .build());
        assertEquals(Phase.STOPPED, status.phase());
        assertEquals("one class only", status.failureReason());
    }

    @Test
    void aJobInAStateTheTrainerDoesNotNameAsAnOutcomeIsStillRunning() {
        assertEquals(Phase.RUNNING, TrainerClient.status(job(TrainingState.TRAINING_STATE_RUNNING).build()).phase());
        assertEquals(Phase.RUNNING, TrainerClient.status(job(TrainingState.TRAINING_STATE_UNSPECIFIED).build()).phase());
    }
}
