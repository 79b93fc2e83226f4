package io.complexitynet.trainer.testing;

import io.complexitynet.proto.v1.GetTrainingJobRequest;
import io.complexitynet.proto.v1.TrainerGrpc;
import io.complexitynet.proto.v1.TrainingJob;
import io.complexitynet.proto.v1.TrainingState;
import java.time.Duration;
import java.util.Optional;

/** Waits for a training job to end, reading it through GetJob as an operator would. */
public final class JobEnd {

    private JobEnd() {
    }

    /** The job once it is no longer running, or as it is when the limit is reached. */
    public static TrainingJob await(TrainerGrpc.TrainerBlockingStub trainer, String jobId, Duration limit) throws InterruptedException {
        GetTrainingJobRequest request = GetTrainingJobRequest.newBuilder().setJobId(jobId).build();
        return Poll.until(limit, () -> Optional.of(trainer.getJob(request)).filter(job -> job.getState() != TrainingState.TRAINING_STATE_RUNNING))
                .orElseGet(() -> trainer.getJob(request));
    }
}
