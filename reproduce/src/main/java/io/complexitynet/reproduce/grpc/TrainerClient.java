package io.complexitynet.reproduce.grpc;

import io.complexitynet.proto.v1.GetTrainingJobRequest;
import io.complexitynet.proto.v1.ModelInfo;
import io.complexitynet.proto.v1.ModelMetrics;
import io.complexitynet.proto.v1.PromoteModelRequest;
import io.complexitynet.proto.v1.SplitParts;
import io.complexitynet.proto.v1.StartTrainingRequest;
import io.complexitynet.proto.v1.TrainingJob;
import io.complexitynet.core.task.Partition;
import io.complexitynet.reproduce.domain.JobStatus.Phase;
import io.complexitynet.reproduce.domain.TaskPartitions;
import io.complexitynet.reproduce.domain.TrainedModel;
import io.complexitynet.reproduce.domain.TrainingFigures;
import io.complexitynet.reproduce.domain.TrainingJobStatus;
import java.util.List;
import java.util.Optional;

/** The trainer's API as the reproduction calls it: start a training job, poll it and promote its model, mapped to this module's records. */
public final class TrainerClient {

    private final ServiceConnections services;

    public TrainerClient(ServiceConnections services) {
        this.services = services;
    }

    /** Trains on the labels of a completed labelling job, split as {@code split} names it, with the parts of an explicit one. */
    public TrainingJobStatus startTraining(String labelingJobId, String split, Optional<TaskPartitions> parts, long seed) {
        StartTrainingRequest.Builder request = StartTrainingRequest.newBuilder().setLabelingJobId(labelingJobId).setSplit(split)
                .setSeed(seed).setStartedBy(ServiceConnections.CALLER);
        parts.ifPresent(explicit -> request.setExplicitSplit(splitParts(explicit)));
        return status(services.trainerCall().call("StartTraining", () -> services.trainer().startTraining(request.build())));
    }

    static SplitParts splitParts(TaskPartitions partitions) {
        List<String> ids = partitions.byTask().keySet().stream().sorted().toList();
        return SplitParts.newBuilder().addAllTrain(partitions.in(Partition.TRAIN, ids)).addAllValidation(partitions.in(Partition.VALIDATION, ids))
                .addAllTest(partitions.in(Partition.TEST, ids)).build();
    }

    public TrainingJobStatus job(String jobId) {
        return status(services.trainerCall().call("GetJob", () -> services.trainer().getJob(
                GetTrainingJobRequest.newBuilder().setJobId(jobId).build())));
    }

    /** Promotes the model a succeeded job made; it comes back as promoted, with the figures the job measured. */
    public TrainedModel promote(TrainingJobStatus succeeded) {
        ModelInfo promoted = services.trainerCall().call("PromoteModel", () -> services.trainer().promoteModel(
                PromoteModelRequest.newBuilder().setModelId(succeeded.modelId()).setPromotedBy(ServiceConnections.CALLER).build()));
        return new TrainedModel(promoted.getModelId(), promoted.getVersion(), succeeded.figures());
    }

    static TrainingJobStatus status(TrainingJob job) {
        Phase phase = switch (job.getState()) {
            case TRAINING_STATE_SUCCEEDED -> Phase.SUCCEEDED;
            case TRAINING_STATE_FAILED -> Phase.STOPPED;
            // Only an outcome the trainer names ends the wait; any other state is polled on.
            default -> Phase.RUNNING;
        };
        ModelMetrics m = job.getMetrics();
        return new TrainingJobStatus(job.getJobId(), phase, job.getStage(), job.getProgress(), job.getFailureReason(), job.getModelId(),
                new TrainingFigures(m.getAccuracy(), m.getMacroF1(), m.getMajorityAccuracy(), m.getTfidfAccuracy(), m.getTfidfMacroF1(),
                        m.getThreshold(), m.getPassRate(), m.getCostCutVsLargest()));
    }
}
