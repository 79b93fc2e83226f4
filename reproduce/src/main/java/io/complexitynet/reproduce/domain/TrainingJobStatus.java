package io.complexitynet.reproduce.domain;

/**
 * A training job as one poll of the trainer saw it: its stage and progress (0 to 1) while it runs, why it failed,
 * or, once it succeeded, the model it made and the figures it measured for it.
 */
public record TrainingJobStatus(String jobId, Phase phase, String stage, double progress, String failureReason, String modelId,
                                TrainingFigures figures) implements JobStatus {
}
