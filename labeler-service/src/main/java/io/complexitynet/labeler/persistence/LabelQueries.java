package io.complexitynet.labeler.persistence;

import io.complexitynet.labeler.domain.JobState;
import io.complexitynet.labeler.domain.TaskWorkState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Read-only views of jobs and labels for the API and the events. */
@ApplicationScoped
public class LabelQueries {

    private final EntityManager entities;

    LabelQueries(EntityManager entities) {
        this.entities = entities;
    }

    public record JobTotals(long labels, long unsolved, long parked, long samplesVerified) {
    }

    /** Passing and judged samples of one model so far. */
    public record ModelTally(String model, long passes, long tries) {
    }

    public JobTotals totals(String jobId) {
        long labels = TaskLabelEntity.count("jobId", jobId);
        long unsolved = TaskLabelEntity.count("jobId = ?1 and complexity is null", jobId);
        long parked = JobTaskEntity.count("jobId = ?1 and state = ?2", jobId, TaskWorkState.PARKED);
        long verified = SampleEntity.count("jobId = ?1 and verdict is not null", jobId);
        return new JobTotals(labels, unsolved, parked, verified);
    }

    public List<ModelTally> tallies(String jobId) {
        return entities.createQuery("select s.model, sum(case when s.verdict = 'PASSED' then 1 else 0 end), count(s)"
                        + " from SampleEntity s where s.jobId = :job and s.verdict is not null group by s.model", Object[].class)
                .setParameter("job", jobId).getResultList().stream()
                .map(row -> new ModelTally((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue()))
                .toList();
    }

    public List<JobTaskEntity> parked(String jobId) {
        return JobTaskEntity.list("jobId = ?1 and state = ?2 order by taskId", jobId, TaskWorkState.PARKED);
    }

    /** A page of one job's labels ordered by task id, after {@code afterTaskId}. */
    public List<TaskLabelEntity> labels(String jobId, long afterTaskId, int limit) {
        return TaskLabelEntity.<TaskLabelEntity>find("jobId = ?1 and taskId > ?2 order by taskId", jobId, afterTaskId)
                .page(0, limit).list();
    }

    /** As {@link #labels}, only the labels of one complexity. */
    public List<TaskLabelEntity> labelsOfComplexity(String jobId, int complexity, long afterTaskId, int limit) {
        return TaskLabelEntity.<TaskLabelEntity>find("jobId = ?1 and taskId > ?2 and complexity = ?3 order by taskId",
                jobId, afterTaskId, complexity).page(0, limit).list();
    }

    /** A data set's current labels: those of its latest completed job, else of its latest job. */
    public Optional<JobEntity> currentJob(long datasetId) {
        return JobEntity.<JobEntity>find("datasetId = ?1 order by case when state = ?2 then 0 else 1 end, createdAt desc",
                datasetId, JobState.COMPLETED).firstResultOptional();
    }
}
