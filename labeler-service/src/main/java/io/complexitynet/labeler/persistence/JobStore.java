package io.complexitynet.labeler.persistence;

import io.complexitynet.core.jobs.LabelingJobState;
import io.complexitynet.core.jobs.TaskWorkState;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.database.labeling.DatasetEntity;
import io.complexitynet.database.labeling.JobTaskEntity;
import io.complexitynet.database.labeling.JobTaskKey;
import io.complexitynet.database.labeling.LabelingJobEntity;
import io.complexitynet.database.labeling.TaskEntity;
import io.complexitynet.labeler.domain.JobSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Labelling jobs and their tasks' work states. Every write that a redelivered message may repeat
 * is conditional on the state it expects, so repeating it changes nothing.
 */
@ApplicationScoped
public class JobStore {

    @Inject EntityManager entities;

    /** Creates the job and one PENDING work row per task of the data set, in one transaction. */
    @Transactional
    public LabelingJobEntity create(JobSpec spec, String ruleVersion, String startedBy) {
        DatasetEntity dataset = DatasetEntity.byName(spec.dataset()).orElseThrow(
                () -> RequestRefused.invalidArgument("dataset", "no data set named '" + spec.dataset() + "'"));
        LabelingJobEntity job = new LabelingJobEntity();
        job.id = UUID.randomUUID().toString();
        job.datasetId = dataset.id;
        job.models = String.join(",", spec.models());
        job.samplesPerModel = spec.samplesPerModel();
        job.temperature = spec.temperature();
        job.ruleId = spec.ruleId();
        job.reliablePassRate = spec.reliablePassRate();
        job.ruleVersion = ruleVersion;
        job.state = LabelingJobState.RUNNING;
        job.startedBy = startedBy;
        job.createdAt = OffsetDateTime.now();
        job.tasksTotal = (int) TaskEntity.count("datasetId", dataset.id);
        if (job.tasksTotal == 0) {
            throw RequestRefused.invalidArgument("dataset", "data set '" + spec.dataset() + "' has no tasks");
        }
        // Flushed first: the insert below names only job_task, so Hibernate would not write the job before it.
        job.persistAndFlush();
        entities.createQuery("insert into JobTaskEntity (jobId, taskId, state, attempts)"
                        + " select :job, t.id, :pending, 0 from TaskEntity t where t.datasetId = :dataset")
                .setParameter("job", job.id).setParameter("pending", TaskWorkState.PENDING).setParameter("dataset", dataset.id)
                .executeUpdate();
        return job;
    }

    public Optional<LabelingJobEntity> job(String jobId) {
        return Optional.ofNullable(LabelingJobEntity.findById(jobId));
    }

    /** Work rows of running jobs not yet sent to the broker, oldest jobs first. */
    public List<JobTaskEntity> unsentWork(int limit) {
        return entities.createQuery("select t from JobTaskEntity t, LabelingJobEntity j where t.jobId = j.id"
                        + " and j.state = :running and t.state = :pending order by j.createdAt, t.taskId", JobTaskEntity.class)
                .setParameter("running", LabelingJobState.RUNNING).setParameter("pending", TaskWorkState.PENDING)
                .setMaxResults(limit).getResultList();
    }

    /** PENDING to QUEUED once the broker has confirmed the work message; leaves any later state alone. */
    @Transactional
    public void markQueued(String jobId, List<Long> taskIds) {
        JobTaskEntity.update("state = ?1 where jobId = ?2 and taskId in ?3 and state = ?4",
                TaskWorkState.QUEUED, jobId, taskIds, TaskWorkState.PENDING);
    }

    /** QUEUED back to PENDING for every running job, so the dispatcher sends that work again; returns the rows. */
    @Transactional
    public int requeueQueuedWork() {
        return entities.createQuery("update JobTaskEntity t set t.state = :pending where t.state = :queued"
                        + " and t.jobId in (select j.id from LabelingJobEntity j where j.state = :running)")
                .setParameter("pending", TaskWorkState.PENDING).setParameter("queued", TaskWorkState.QUEUED)
                .setParameter("running", LabelingJobState.RUNNING).executeUpdate();
    }

    /** Sends one running job's sent-but-unfinished work again: it goes back to PENDING, for the dispatcher. */
    @Transactional
    public int requeueQueuedWork(String jobId) {
        return JobTaskEntity.update("state = ?1 where jobId = ?2 and state = ?3", TaskWorkState.PENDING, jobId, TaskWorkState.QUEUED);
    }

    /** Each running job's open tasks (pending or queued). */
    public Map<String, Long> openTasksOfRunningJobs() {
        Map<String, Long> open = new HashMap<>();
        entities.createQuery("select j.id, (select count(t) from JobTaskEntity t where t.jobId = j.id and t.state in :open)"
                        + " from LabelingJobEntity j where j.state = :running", Object[].class)
                .setParameter("open", TaskWorkState.OPEN).setParameter("running", LabelingJobState.RUNNING)
                .getResultList().forEach(row -> open.put((String) row[0], (Long) row[1]));
        return open;
    }

    @Transactional
    public void recordFailedAttempt(String jobId, long taskId, String error) {
        JobTaskEntity.update("attempts = attempts + 1, lastError = ?1 where jobId = ?2 and taskId = ?3",
                shorten(error), jobId, taskId);
    }

    /** Sets a task aside for good; the job then completes without it. */
    @Transactional
    public void park(String jobId, long taskId, String reason) {
        JobTaskEntity work = JobTaskEntity.findById(new JobTaskKey(jobId, taskId));
        if (work == null || !TaskWorkState.OPEN.contains(work.state)) {
            return;
        }
        work.state = TaskWorkState.PARKED;
        if (reason != null) {
            work.lastError = shorten(reason);
        }
        completeIfDone(jobId);
    }

    /**
     * Marks the job completed when it has no open work left. Locks the job row first, so two
     * transactions finishing its last two tasks cannot each miss the other's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completeIfDone(String jobId) {
        LabelingJobEntity job = entities.find(LabelingJobEntity.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.state != LabelingJobState.RUNNING) {
            return;
        }
        long open = JobTaskEntity.count("jobId = ?1 and state in ?2", jobId, TaskWorkState.OPEN);
        if (open == 0) {
            job.state = LabelingJobState.COMPLETED;
            job.finishedAt = OffsetDateTime.now();
        }
    }

    @Transactional
    public LabelingJobEntity cancel(String jobId) {
        LabelingJobEntity job = entities.find(LabelingJobEntity.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            throw RequestRefused.notFound("no labelling job " + jobId);
        }
        if (job.state != LabelingJobState.RUNNING) {
            throw RequestRefused.wrongState("job " + jobId + " has already ended (" + job.state + ")");
        }
        job.state = LabelingJobState.CANCELLED;
        job.finishedAt = OffsetDateTime.now();
        return job;
    }

    /**
     * Puts the job's parked tasks back to be sent, with their attempts forgotten, and reopens the job if it had
     * completed (its labels-updated event is published again when it completes again).
     * @return how many tasks went back; 0 when none was parked, and then nothing changed
     */
    @Transactional
    public int retryParked(String jobId) {
        LabelingJobEntity job = entities.find(LabelingJobEntity.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            throw RequestRefused.notFound("no labelling job " + jobId);
        }
        if (job.state == LabelingJobState.CANCELLED) {
            throw RequestRefused.wrongState("job " + jobId + " was cancelled; start a new one to label its tasks");
        }
        int retried = JobTaskEntity.update("state = ?1, attempts = 0, lastError = null where jobId = ?2 and state = ?3",
                TaskWorkState.PENDING, jobId, TaskWorkState.PARKED);
        if (retried > 0 && job.state == LabelingJobState.COMPLETED) {
            job.state = LabelingJobState.RUNNING;
            job.finishedAt = null;
            job.eventPublished = false;
        }
        return retried;
    }

    /** Completed jobs whose labels-updated event has not been published yet (the outbox). */
    public List<LabelingJobEntity> awaitingEvent() {
        return LabelingJobEntity.list("state = ?1 and eventPublished = false", LabelingJobState.COMPLETED);
    }

    @Transactional
    public void markEventPublished(String jobId) {
        LabelingJobEntity.update("eventPublished = true where id = ?1", jobId);
    }

    static String shorten(String text) {
        return text == null || text.length() <= 1900 ? text : text.substring(0, 1900) + "...";
    }
}
