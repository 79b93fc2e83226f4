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

    /** Ends a running job; a job already ended (a redelivered request) is left as it is. */
    @Transactional
    public boolean fail(String id, String reason) {
        return TrainingJobEntity.update("state = ?1, failureReason = ?2, finishedAt = ?3 where id = ?4 and state = ?5",
                TrainingJobState.FAILED, reason, OffsetDateTime.now(), id, TrainingJobState.RUNNING) > 0;
    }
}
