package io.complexitynet.trainer.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.labelling.ModelPasses;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.service.persistence.JsonColumn;
import io.complexitynet.trainer.domain.RoutedLabels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads what the labeler wrote (a labelling job's labels with their tasks) and what the routers kept
 * (routed requests that carried tests). The trainer never writes these tables; it reads them by SQL
 * rather than sharing the labeler's and router's entities.
 */
@ApplicationScoped
public class LabelSource {

    private final EntityManager entities;
    private final ObjectMapper json;

    LabelSource(EntityManager entities, ObjectMapper json) {
        this.entities = entities;
        this.json = json;
    }

    /** A completed labelling job: its data set, ladder and labelling rule. */
    public record LabelingJob(String id, String dataset, List<String> ladder, String ruleVersion, String ruleId,
                              double reliablePassRate) {
    }

    /** One label as stored: the task's source id, text and tests, pass counts in ladder order, complexity or null. */
    public record StoredLabel(String sourceId, String prompt, List<String> tests, List<ModelPasses> passes, Integer complexity) {
    }

    public LabelingJob job(String labelingJobId) {
        List<Object[]> rows = entities.createNativeQuery("select j.id, d.name, j.models, j.rule_version, j.state, j.rule_id,"
                + " j.reliable_pass_rate from labeling_job j"
                + " join dataset d on d.id = j.dataset_id where j.id = ?1", Object[].class).setParameter(1, labelingJobId).getResultList();
        if (rows.isEmpty()) {
            throw RequestRefused.notFound("no labelling job " + labelingJobId);
        }
        Object[] row = rows.get(0);
        if (!"COMPLETED".equals(row[4])) {
            throw RequestRefused.invalidArgument("labeling_job_id", "labelling job " + labelingJobId + " is " + row[4]
                    + "; train on a completed job");
        }
        return new LabelingJob((String) row[0], (String) row[1], Arrays.asList(((String) row[2]).split(",")), (String) row[3],
                (String) row[5], ((Number) row[6]).doubleValue());
    }

    /** The data set's most recently completed labelling job. */
    public LabelingJob latestJob(String dataset) {
        List<?> ids = entities.createNativeQuery("select j.id from labeling_job j join dataset d on d.id = j.dataset_id"
                        + " where d.name = ?1 and j.state = 'COMPLETED' order by j.finished_at desc", String.class)
                .setParameter(1, dataset).setMaxResults(1).getResultList();
        if (ids.isEmpty()) {
            throw RequestRefused.invalidArgument("dataset", "data set '" + dataset + "' has no completed labelling job");
        }
        return job((String) ids.get(0));
    }

    /** The named models with the cost units the labeler recorded for them, in the given (ladder) order. */
    public List<PricedModel> ladder(List<String> names) {
        List<PricedModel> ladder = new ArrayList<>(names.size());
        for (String name : names) {
            List<?> cost = entities.createNativeQuery("select cost_units_per_1k from model where name = ?1", Double.class)
                    .setParameter(1, name).getResultList();
            if (cost.isEmpty()) {
                throw new IllegalStateException("model " + name + " of the ladder is not in the model table");
            }
            ladder.add(new PricedModel(name, ((Number) cost.get(0)).doubleValue()));
        }
        return ladder;
    }

    public List<StoredLabel> labels(String labelingJobId) {
        List<Object[]> rows = entities.createNativeQuery("select t.source_id, t.prompt, t.tests, l.pass_counts, l.complexity"
                + " from task_label l join task t on t.id = l.task_id where l.job_id = ?1 order by t.id", Object[].class)
                .setParameter(1, labelingJobId).getResultList();
        List<StoredLabel> labels = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            labels.add(new StoredLabel((String) row[0], (String) row[1], read((String) row[2], new TypeReference<List<String>>() { }),
                    read((String) row[3], new TypeReference<List<ModelPasses>>() { }),
                    row[4] == null ? null : ((Number) row[4]).intValue()));
        }
        return labels;
    }

    /** Every verified answer the routers stored, oldest first (only tenants that allow feedback have any). */
    public List<RoutedLabels.Attempt> routedAttempts() {
        List<Object[]> rows = entities.createNativeQuery("select prompt, tests, model, verdict from routed_sample order by id", Object[].class)
                .getResultList();
        List<RoutedLabels.Attempt> attempts = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            attempts.add(new RoutedLabels.Attempt((String) row[0], read((String) row[1], new TypeReference<List<String>>() { }),
                    (String) row[2], (String) row[3]));
        }
        return attempts;
    }

    private <T> T read(String text, TypeReference<T> type) {
        return JsonColumn.read(json, text, type, "a stored label");
    }
}
