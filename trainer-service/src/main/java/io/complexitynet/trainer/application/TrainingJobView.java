package io.complexitynet.trainer.application;

import io.complexitynet.core.jobs.TrainingJobState;
import io.complexitynet.database.training.TrainingJobEntity;
import io.complexitynet.trainer.domain.HeadlineMetrics;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A training job as the API shows it: its state, stage and progress, and once it succeeded the model it stored. */
public record TrainingJobView(String id, TrainingJobState state, String stage, double progress, Optional<String> failureReason,
                              OffsetDateTime createdAt, Optional<OffsetDateTime> finishedAt, Optional<StoredModel> model) {

    /** The model a job stored, with its headline metrics and evaluation report (Markdown). */
    public record StoredModel(String id, HeadlineMetrics metrics, String report) {
    }

    static TrainingJobView of(TrainingJobEntity job, Optional<StoredModel> model) {
        // While a job runs, failure_reason holds its last failed delivery's error, for the reason it would be parked with.
        Optional<String> failureReason = job.state == TrainingJobState.FAILED ? Optional.ofNullable(job.failureReason) : Optional.empty();
        return new TrainingJobView(job.id, job.state, job.stage, job.progress, failureReason, job.createdAt,
                Optional.ofNullable(job.finishedAt), model);
    }
}
