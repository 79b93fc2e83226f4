package io.complexitynet.trainer.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.model.domain.RecordedMbppLabels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Writes what the labeler would have written for MBPP labelled from the paper's recorded flags: the
 * data set, its tasks, the model ladder, a completed labelling job and its labels. The trainer reads
 * these tables and never writes them.
 */
@ApplicationScoped
public class RecordedLabelingJob {

    @Inject EntityManager entities;
    private final ObjectMapper json = new ObjectMapper();

    /** The data set and labelling job {@link #storeMbpp()} writes. */
    public static final String MBPP_DATASET = "mbpp-recorded";
    public static final String MBPP_JOB = "recorded-mbpp";
    /** The labelling job {@link #storeOneClass()} writes. */
    public static final String ONE_CLASS_JOB = "recorded-one-class";

    /** Every MBPP task with its recorded label. */
    public void storeMbpp() throws Exception {
        store(MBPP_DATASET, MBPP_JOB, RecordedMbppLabels.records());
    }

    /** Every task Code Llama solved: one class, in every part of the split, nothing to tell apart. */
    public void storeOneClass() throws Exception {
        store("one-class", ONE_CLASS_JOB, RecordedMbppLabels.records().stream()
                .filter(task -> Integer.valueOf(1).equals(task.complexity())).toList());
    }

    /** Stores a completed labelling job of the given recorded tasks under a new data set; returns the job id. */
    @Transactional
    public String store(String dataset, String jobId, List<RecordedMbppLabels.RecordedTask> tasks) throws Exception {
        for (PricedModel model : RecordedMbppLabels.LADDER) {
            entities.createNativeQuery("insert into model (name, backend, cost_units_per_1k, ladder_order) values (?1, 'replay', ?2, ?3)"
                    + " on conflict do nothing").setParameter(1, model.name()).setParameter(2, model.costUnits())
                    .setParameter(3, RecordedMbppLabels.LADDER.indexOf(model)).executeUpdate();
        }
        entities.createNativeQuery("insert into dataset (name, source, imported_at) values (?1, 'recorded', ?2)")
                .setParameter(1, dataset).setParameter(2, OffsetDateTime.now()).executeUpdate();
        long datasetId = ((Number) entities.createNativeQuery("select id from dataset where name = ?1").setParameter(1, dataset)
                .getSingleResult()).longValue();
        entities.createNativeQuery("insert into labeling_job (id, dataset_id, models, samples_per_model, temperature, rule_id,"
                        + " reliable_pass_rate, rule_version, state, tasks_total, started_by, created_at, finished_at)"
                        + " values (?1, ?2, ?3, 1, 0, 'paper5', 0.8, 'paper5/v1(reliable>=0.80)', 'COMPLETED', ?4, 'test', ?5, ?5)")
                .setParameter(1, jobId).setParameter(2, datasetId)
                .setParameter(3, String.join(",", RecordedMbppLabels.LADDER.stream().map(PricedModel::name).toList()))
                .setParameter(4, tasks.size()).setParameter(5, OffsetDateTime.now()).executeUpdate();
        for (RecordedMbppLabels.RecordedTask task : tasks) {
            entities.createNativeQuery("insert into task (dataset_id, source_id, prompt, setup_code, tests, reference_code)"
                            + " values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, datasetId).setParameter(2, task.task().taskId() + "")
                    .setParameter(3, task.task().text()).setParameter(4, task.task().setupCode())
                    .setParameter(5, json.writeValueAsString(task.task().tests())).setParameter(6, task.task().referenceCode()).executeUpdate();
            entities.createNativeQuery("insert into task_label (job_id, task_id, pass_counts, tries, complexity, rule_version, created_at)"
                            + " select ?1, id, ?2, 1, ?3, 'paper5/v1(reliable>=0.80)', ?4 from task where dataset_id = ?5 and source_id = ?6")
                    .setParameter(1, jobId).setParameter(2, json.writeValueAsString(task.passes()))
                    .setParameter(3, task.complexity()).setParameter(4, OffsetDateTime.now()).setParameter(5, datasetId)
                    .setParameter(6, task.task().taskId() + "").executeUpdate();
        }
        return jobId;
    }

    /**
     * Stores a completed labelling job as {@link #store} does, plus every label's answers (one per model, as at k=1) with
     * a verdict as its pass count says and a made-up test-free run that mostly agrees with it: a passing answer's probe
     * returned (every fifth task's returned None), a failing one's raised (every fourth task's returned); the cheapest
     * model's failing answer to every seventh task is empty, with no probe, as the labeler stores an empty reply. The probes
     * are synthetic, for tests of how the trainer uses them, not figures.
     */
    @Transactional
    public String storeWithProbes(String dataset, String jobId, List<RecordedMbppLabels.RecordedTask> tasks) throws Exception {
        store(dataset, jobId, tasks);
        for (RecordedMbppLabels.RecordedTask task : tasks) {
            int id = task.task().taskId();
            for (int model = 0; model < RecordedMbppLabels.LADDER.size(); model++) {
                boolean passed = task.passes().get(model).passes() > 0;
                boolean empty = model == 0 && !passed && id % 7 == 0;
                String kind = empty ? null : passed ? (id % 5 == 0 ? "RETURNED_NONE" : "RETURNED") : (id % 4 == 0 ? "RETURNED" : "RAISED");
                entities.createNativeQuery("insert into sample (job_id, task_id, model, sample_index, completion, prompt_tokens,"
                                + " completion_tokens, latency_millis, verdict, created_at, verified_at, probe_kind, probe_calls,"
                                + " probe_calls_returned, probe_millis) select ?1, id, ?2, 0, ?3, 100, 50, 10, ?4, ?5, ?5, cast(?6 as varchar),"
                                + " cast(?10 as integer), cast(?7 as integer), cast(?11 as bigint)"
                                + " from task where source_id = ?8 and dataset_id = (select id from dataset where name = ?9)")
                        .setParameter(1, jobId).setParameter(2, RecordedMbppLabels.LADDER.get(model).name())
                        .setParameter(3, empty ? "" : "def f(x):\n    return x" + " ".repeat(id % 60)).setParameter(4, passed ? "PASSED" : "FAILED")
                        .setParameter(5, OffsetDateTime.now()).setParameter(6, kind)
                        .setParameter(7, empty ? null : "RAISED".equals(kind) ? 1 : 2)
                        .setParameter(8, id + "").setParameter(9, dataset).setParameter(10, empty ? null : 2)
                        .setParameter(11, empty ? null : 40).executeUpdate();
            }
        }
        return jobId;
    }

    /** Gives a stored job another ladder (model names, cheapest first) and labelling rule, as another labeller set-up would. */
    @Transactional
    public void relabel(String jobId, List<String> ladder, String ruleVersion) {
        entities.createNativeQuery("update labeling_job set models = ?2, rule_version = ?3 where id = ?1").setParameter(1, jobId)
                .setParameter(2, String.join(",", ladder)).setParameter(3, ruleVersion).executeUpdate();
    }

    /**
     * Overwrites the pass counts of the job's first label with text that is not JSON, as a damaged row would hold.
     *
     * @return what the row held, for {@link #repairPassCounts}
     */
    @Transactional
    public String damagePassCounts(String jobId) {
        String original = (String) entities.createNativeQuery(FIRST_LABEL_PASS_COUNTS).setParameter(1, jobId).getSingleResult();
        setFirstPassCounts(jobId, "[{\"model\": ");
        return original;
    }

    /** Gives the job's first label back the pass counts {@link #damagePassCounts} returned, as an operator's fix would. */
    @Transactional
    public void repairPassCounts(String jobId, String passCounts) {
        setFirstPassCounts(jobId, passCounts);
    }

    private static final String FIRST_LABEL_PASS_COUNTS = "select pass_counts from task_label where job_id = ?1 and task_id ="
            + " (select min(task_id) from task_label where job_id = ?1)";

    private void setFirstPassCounts(String jobId, String passCounts) {
        entities.createNativeQuery("update task_label set pass_counts = ?2 where job_id = ?1 and task_id ="
                + " (select min(task_id) from task_label where job_id = ?1)").setParameter(1, jobId).setParameter(2, passCounts).executeUpdate();
    }
}
