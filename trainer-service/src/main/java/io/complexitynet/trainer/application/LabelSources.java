package io.complexitynet.trainer.application;

import io.complexitynet.core.probe.ProbeOutcome;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.database.labeling.CompletedLabels;
import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.model.domain.RecordedAnswer;
import io.complexitynet.trainer.domain.TrainingRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The completed labelling jobs a training job learns from, and their labels. One source keeps its tasks' own ids, so
 * MBPP's split still reads them; several must share a ladder and a labelling rule, and their tasks' ids become
 * {@code <dataset>/<task id>} ({@link LabelledTask#idInDataset}), because data sets name their tasks alike.
 */
@ApplicationScoped
public class LabelSources {

    @Inject CompletedLabels labels;

    /**
     * The sources a request names, in order: its labelling job or data set, then {@code labeling_job_ids}, then
     * {@code datasets} (each its latest completed job). Refused when there is none, when a data set comes twice or when
     * the jobs differ in ladder or labelling rule.
     */
    public List<CompletedLabels.Job> of(TrainingRequest request) {
        List<CompletedLabels.Job> jobs = new ArrayList<>();
        if (request.labelingJobId() != null && !request.labelingJobId().isBlank()) {
            jobs.add(labels.job(request.labelingJobId()));
        }
        if (request.dataset() != null && !request.dataset().isBlank()) {
            jobs.add(labels.latestJob(request.dataset()));
        }
        request.labelingJobIds().forEach(id -> jobs.add(labels.job(id)));
        request.datasets().forEach(dataset -> jobs.add(labels.latestJob(dataset)));
        if (jobs.isEmpty()) {
            throw RequestRefused.invalidArgument("source", "give a labeling_job_id or a dataset (more in labeling_job_ids and datasets)");
        }
        requireCombinable(jobs);
        return jobs;
    }

    /** The stored sources of a training job. */
    public List<CompletedLabels.Job> byIds(List<String> labelingJobIds) {
        return labelingJobIds.stream().map(labels::job).toList();
    }

    /** Every source's labels, source by source; with several sources each task's id is namespaced by its data set. */
    public List<CompletedLabels.StoredLabel> labels(List<CompletedLabels.Job> jobs) {
        if (jobs.size() == 1) {
            return labels.labels(jobs.get(0).id());
        }
        List<CompletedLabels.StoredLabel> all = new ArrayList<>();
        for (CompletedLabels.Job job : jobs) {
            labels.labels(job.id()).forEach(label -> all.add(new CompletedLabels.StoredLabel(LabelledTask.idInDataset(job.dataset(),
                    label.sourceId()), label.prompt(), label.tests(), label.passes(), label.complexity())));
        }
        return all;
    }

    /**
     * Every source's verified answers whose test-free run was recorded, with their model's place in the ladder the sources
     * share; ids namespaced as {@link #labels} names them. Answers labelled before the labeler probed them are left out;
     * empty answers, which the labeler never runs, stand as {@link ProbeOutcome#ofEmptyAnswer()}.
     */
    public List<RecordedAnswer> answers(List<CompletedLabels.Job> jobs) {
        List<RecordedAnswer> answers = new ArrayList<>();
        for (CompletedLabels.Job job : jobs) {
            for (CompletedLabels.StoredSample sample : labels.samples(job.id())) {
                int model = job.ladder().indexOf(sample.model());
                Optional<ProbeOutcome> probe = sample.completionChars() == 0 ? Optional.of(ProbeOutcome.ofEmptyAnswer()) : sample.probe();
                if (model < 0 || probe.isEmpty()) {
                    continue;
                }
                String taskId = jobs.size() == 1 ? sample.sourceId() : LabelledTask.idInDataset(job.dataset(), sample.sourceId());
                answers.add(new RecordedAnswer(taskId, model, sample.sampleIndex(), sample.completionChars(), sample.passed(),
                        probe.get()));
            }
        }
        return answers;
    }

    private static void requireCombinable(List<CompletedLabels.Job> jobs) {
        CompletedLabels.Job first = jobs.get(0);
        Map<String, String> jobOfDataset = new HashMap<>();
        for (CompletedLabels.Job job : jobs) {
            String earlier = jobOfDataset.putIfAbsent(job.dataset(), job.id());
            if (earlier != null) {
                throw RequestRefused.invalidArgument("source", "data set '" + job.dataset() + "' is named twice (labelling jobs "
                        + earlier + " and " + job.id() + "); its tasks would train twice");
            }
            if (!job.ladder().equals(first.ladder())) {
                throw RequestRefused.invalidArgument("source", differ("ladder", job, job.ladder(), first, first.ladder()));
            }
            if (!Objects.equals(job.ruleVersion(), first.ruleVersion())) {
                throw RequestRefused.invalidArgument("source", differ("labelling rule", job, job.ruleVersion(), first, first.ruleVersion()));
            }
        }
    }

    private static String differ(String what, CompletedLabels.Job job, Object its, CompletedLabels.Job first, Object firsts) {
        return "label sources trained together need the same " + what + ": labelling job " + job.id() + " (data set '" + job.dataset()
                + "') has " + its + ", labelling job " + first.id() + " (data set '" + first.dataset() + "') has " + firsts;
    }
}
