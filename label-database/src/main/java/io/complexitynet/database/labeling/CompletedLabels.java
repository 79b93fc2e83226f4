package io.complexitynet.database.labeling;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.jobs.LabelingJobState;
import io.complexitynet.core.labelling.ModelPasses;
import io.complexitynet.core.probe.ProbeOutcome;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.database.JsonColumn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a completed labelling job left, as the services that learn from it read it: the job, its ladder
 * with the labeler's prices, and its labels with their tasks. Only the labeler writes these tables.
 */
@ApplicationScoped
public class CompletedLabels {

    /** A completed labelling job: its data set, ladder and labelling rule. */
    public record Job(String id, String dataset, List<String> ladder, String ruleVersion, String ruleId, double reliablePassRate) {
    }

    /** One label as stored: the task's source id, text and tests, pass counts in ladder order, complexity or null. */
    public record StoredLabel(String sourceId, String prompt, List<String> tests, List<ModelPasses> passes, Integer complexity) {
    }

    /**
     * One verified answer as stored: its task's source id, the model, how long it is, whether its tests passed and what
     * its test-free run showed (empty for an answer labelled before probes were run).
     */
    public record StoredSample(String sourceId, String model, int sampleIndex, int completionChars, boolean passed,
                               Optional<ProbeOutcome> probe) {
    }

    private static final TypeReference<List<String>> TESTS = new TypeReference<>() { };
    private static final TypeReference<List<ModelPasses>> PASSES = new TypeReference<>() { };

    @Inject EntityManager entities;
    @Inject ObjectMapper json;

    /** The job, refused when there is none or it has not completed. */
    @Transactional
    public Job job(String labelingJobId) {
        LabelingJobEntity job = LabelingJobEntity.findById(labelingJobId);
        if (job == null) {
            throw RequestRefused.notFound("no labelling job " + labelingJobId);
        }
        if (job.state != LabelingJobState.COMPLETED) {
            throw RequestRefused.invalidArgument("labeling_job_id", "labelling job " + labelingJobId + " is " + job.state
                    + "; train on a completed job");
        }
        DatasetEntity dataset = DatasetEntity.findById(job.datasetId);
        return new Job(job.id, dataset.name, job.ladder(), job.ruleVersion, job.ruleId, job.reliablePassRate);
    }

    /** The data set's most recently completed labelling job. */
    @Transactional
    public Job latestJob(String dataset) {
        List<String> ids = entities.createQuery("select j.id from LabelingJobEntity j, DatasetEntity d where d.id = j.datasetId"
                        + " and d.name = :dataset and j.state = :completed order by j.finishedAt desc", String.class)
                .setParameter("dataset", dataset).setParameter("completed", LabelingJobState.COMPLETED).setMaxResults(1).getResultList();
        if (ids.isEmpty()) {
            throw RequestRefused.invalidArgument("dataset", "data set '" + dataset + "' has no completed labelling job");
        }
        return job(ids.get(0));
    }

    /** The named models with the cost units the labeler recorded for them, in the given (ladder) order. */
    @Transactional
    public List<PricedModel> ladder(List<String> names) {
        List<PricedModel> ladder = new ArrayList<>(names.size());
        for (String name : names) {
            ModelEntity model = ModelEntity.findById(name);
            if (model == null) {
                throw new IllegalStateException("model " + name + " of the ladder is not in the model table");
            }
            ladder.add(new PricedModel(name, model.costUnitsPer1k));
        }
        return ladder;
    }

    /** The job's labels in task order, each with its task: one query. */
    @Transactional
    public List<StoredLabel> labels(String labelingJobId) {
        return entities.createQuery("select t.sourceId, t.prompt, t.tests, l.passCounts, l.complexity from TaskLabelEntity l,"
                        + " TaskEntity t where t.id = l.taskId and l.jobId = :job order by t.id", Object[].class)
                .setParameter("job", labelingJobId).getResultList().stream()
                .map(row -> new StoredLabel((String) row[0], (String) row[1], read((String) row[2], TESTS), read((String) row[3], PASSES),
                        (Integer) row[4]))
                .toList();
    }

    /** The job's verified answers in task, model and sample order: one query. */
    @Transactional
    public List<StoredSample> samples(String labelingJobId) {
        return entities.createQuery("select t.sourceId, s.model, s.sampleIndex, length(s.completion), s.verdict, s.probeKind,"
                        + " s.probeCalls, s.probeCallsReturned from SampleEntity s, TaskEntity t where t.id = s.taskId and s.jobId = :job"
                        + " and s.verdict is not null order by t.id, s.model, s.sampleIndex", Object[].class)
                .setParameter("job", labelingJobId).getResultList().stream()
                .map(row -> new StoredSample((String) row[0], (String) row[1], (Integer) row[2],
                        row[3] == null ? 0 : ((Number) row[3]).intValue(), "PASSED".equals(row[4]),
                        Optional.ofNullable((String) row[5]).map(kind -> new ProbeOutcome(ProbeOutcome.Kind.valueOf(kind),
                                (Integer) row[6], (Integer) row[7]))))
                .toList();
    }

    private <T> T read(String text, TypeReference<T> type) {
        return JsonColumn.read(json, text, type, "a stored label");
    }
}
