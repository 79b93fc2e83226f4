package io.complexitynet.labeler.persistence;

import io.complexitynet.core.jobs.LabelingJobState;
import io.complexitynet.core.jobs.TaskWorkState;
import io.complexitynet.database.labeling.DatasetEntity;
import io.complexitynet.database.labeling.JobTaskEntity;
import io.complexitynet.database.labeling.LabelingJobEntity;
import io.complexitynet.database.labeling.SampleEntity;
import io.complexitynet.database.labeling.TaskEntity;
import io.complexitynet.database.labeling.TaskLabelEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Read-only views of jobs and labels for the API and the events. */
@ApplicationScoped
public class LabelQueries {

    @Inject EntityManager entities;

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

    /** A task whose work failed on every delivery, named by its id in the data set. */
    public record ParkedTask(String taskSourceId, String lastError) {
    }

    public List<ParkedTask> parked(String jobId) {
        return entities.createQuery("select t.sourceId, w.lastError from JobTaskEntity w, TaskEntity t where t.id = w.taskId"
                        + " and w.jobId = :job and w.state = :parked order by w.taskId", Object[].class)
                .setParameter("job", jobId).setParameter("parked", TaskWorkState.PARKED).getResultList().stream()
                .map(row -> new ParkedTask((String) row[0], (String) row[1])).toList();
    }

    /** One label with what a reader needs of its task; the pass counts as stored (a JSON array). */
    public record LabelRow(long taskId, String taskSourceId, String prompt, Integer complexity, String ruleVersion,
                           String passCounts) {
    }

    /**
     * A page of one job's labels ordered by task id, after {@code afterTaskId}, only those of one complexity
     * if given: one query for the page, its tasks joined in.
     */
    public List<LabelRow> labels(String jobId, OptionalInt complexity, long afterTaskId, int limit) {
        TypedQuery<Object[]> query = entities.createQuery("select l.taskId, t.sourceId, t.prompt, l.complexity, l.ruleVersion,"
                        + " l.passCounts from TaskLabelEntity l, TaskEntity t where t.id = l.taskId and l.jobId = :job"
                        + " and l.taskId > :after" + (complexity.isPresent() ? " and l.complexity = :complexity" : "")
                        + " order by l.taskId", Object[].class)
                .setParameter("job", jobId).setParameter("after", afterTaskId).setMaxResults(limit);
        complexity.ifPresent(value -> query.setParameter("complexity", value));
        return query.getResultList().stream().map(row -> new LabelRow(((Number) row[0]).longValue(), (String) row[1],
                (String) row[2], (Integer) row[3], (String) row[4], (String) row[5])).toList();
    }

    public String datasetName(long datasetId) {
        return DatasetEntity.<DatasetEntity>findByIdOptional(datasetId).map(dataset -> dataset.name)
                .orElseThrow(() -> new IllegalStateException("no data set " + datasetId));
    }

    /** A data set's current labels: those of its latest completed job, else of its latest job. */
    public Optional<LabelingJobEntity> currentJob(long datasetId) {
        return LabelingJobEntity.<LabelingJobEntity>find("datasetId = ?1 order by case when state = ?2 then 0 else 1 end, createdAt desc",
                datasetId, LabelingJobState.COMPLETED).firstResultOptional();
    }
}
