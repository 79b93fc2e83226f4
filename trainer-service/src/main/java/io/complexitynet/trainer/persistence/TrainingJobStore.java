package io.complexitynet.trainer.persistence;

import io.complexitynet.core.jobs.TrainingJobState;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.database.training.TrainingJobEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Training jobs: each change of state in its own transaction, so progress is visible while a job runs. */
@ApplicationScoped
public class TrainingJobStore {

    @Transactional
    public TrainingJobEntity create(String labelingJobId, String parametersJson, String startedBy) {
        return createWithId(UUID.randomUUID().toString(), labelingJobId, parametersJson, startedBy);
    }

    @Transactional
    public TrainingJobEntity createWithId(String id, String labelingJobId, String parametersJson, String startedBy) {
        TrainingJobEntity job = new TrainingJobEntity();
        job.id = id;
        job.labelingJobId = labelingJobId;
        job.parameters = parametersJson;
        job.state = TrainingJobState.RUNNING;
        job.stage = "queued";
        job.progress = 0;
        job.startedBy = startedBy;
        job.createdAt = OffsetDateTime.now();
        job.persist();
        return job;
    }

    @Transactional
    public Optional<TrainingJobEntity> find(String id) {
        return TrainingJobEntity.findByIdOptional(id);
    }

    @Transactional
    public TrainingJobEntity get(String id) {
        return find(id).orElseThrow(() -> RequestRefused.notFound("no training job " + id));
    }

    @Transactional
    public List<String> runningIds() {
        return TrainingJobEntity.<TrainingJobEntity>list("state", TrainingJobState.RUNNING).stream().map(job -> job.id).toList();
    }

    @Transactional
    public void progress(String id, String stage, double progress) {
        TrainingJobEntity.update("stage = ?1, progress = ?2 where id = ?3 and state = ?4", stage, progress, id,
                TrainingJobState.RUNNING);
    }

    /** Keeps a failed delivery's error on the running job (in failure_reason; the job's state is unchanged). */
    @Transactional
    public void recordFailedAttempt(String id, String error) {
        TrainingJobEntity.update("failureReason = ?1 where id = ?2 and state = ?3", shorten(error), id, TrainingJobState.RUNNING);
    }

    /**
     * Puts a failed job back to running, queued, with its reason cleared; false when the job is not failed (then it is
     * left as it is).
     */
    @Transactional
    public boolean reopen(String id) {
        return TrainingJobEntity.update("state = ?1, stage = 'queued', progress = 0, failureReason = null, finishedAt = null"
                + " where id = ?2 and state = ?3", TrainingJobState.RUNNING, id, TrainingJobState.FAILED) > 0;
    }

    /** Ends a running job; a job already ended (a redelivered request) is left as it is. */
    @Transactional
    public boolean fail(String id, String reason) {
        return TrainingJobEntity.update("state = ?1, failureReason = ?2, finishedAt = ?3 where id = ?4 and state = ?5",
                TrainingJobState.FAILED, shorten(reason), OffsetDateTime.now(), id, TrainingJobState.RUNNING) > 0;
    }

    // training_job.failure_reason is varchar(2000) (label-database's V2 migration).
    private static String shorten(String text) {
        return text == null || text.length() <= 1900 ? text : text.substring(0, 1900) + "...";
    }
}
