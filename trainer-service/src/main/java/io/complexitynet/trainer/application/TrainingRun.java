package io.complexitynet.trainer.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.jobs.TrainingJobState;
import io.complexitynet.core.labelling.LabellingRules;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.database.JsonColumn;
import io.complexitynet.database.labeling.CompletedLabels;
import io.complexitynet.database.routing.RoutedAttempts;
import io.complexitynet.database.training.ComplexityModelEntity;
import io.complexitynet.database.training.TrainingJobEntity;
import io.complexitynet.model.domain.ClassifierInput;
import io.complexitynet.model.domain.DataSplit;
import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.model.domain.RecordedAnswer;
import io.complexitynet.model.domain.TrainingRefused;
import io.complexitynet.model.learning.ModelCodec;
import io.complexitynet.model.training.CrossValidationReport;
import io.complexitynet.model.training.FoldFigures;
import io.complexitynet.model.training.Trainer;
import io.complexitynet.model.training.TrainingProgress;
import io.complexitynet.model.training.TrainingResult;
import io.complexitynet.service.resilience.TransientRetry;
import io.complexitynet.trainer.config.TrainerConfig;
import io.complexitynet.trainer.domain.HeadlineMetrics;
import io.complexitynet.trainer.domain.NoTestsCascadeMetrics;
import io.complexitynet.trainer.domain.RoutedLabels;
import io.complexitynet.trainer.domain.TrainingSpec;
import io.complexitynet.trainer.metrics.TrainerMetrics;
import io.complexitynet.trainer.persistence.ModelStore;
import io.complexitynet.trainer.persistence.TrainingJobStore;
import io.complexitynet.trainer.report.MarkdownReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One queued training job to its end: the labels of its label sources (and the routers' feedback if asked for)
 * through the domain {@link Trainer} to one stored model, cross-validated first if asked for, or a failure with the reason.
 */
@ApplicationScoped
public class TrainingRun {

    private static final Logger LOG = Logger.getLogger(TrainingRun.class);
    /** Progress is written when the stage changes or the run moved on by this much. */
    private static final double PROGRESS_STEP = 0.05;

    @Inject TrainingJobStore jobs;
    @Inject CompletedLabels labels;
    @Inject LabelSources labelSources;
    @Inject RoutedAttempts routedAttempts;
    @Inject ModelStore models;
    @Inject Promotions promotions;
    @Inject Trainer trainer;
    @Inject TrainerMetrics metrics;
    @Inject ObjectMapper json;
    @Inject TransientRetry retry;
    @Inject TrainerConfig config;

    /**
     * Runs a queued job. A job that already ended (a redelivered message) is left alone; labels that
     * cannot train a model fail the job with the reason. A database outage is waited out around each database
     * step ({@link TransientRetry}), never around the fitting, which a blip would otherwise run again from the start.
     * Anything else propagates, so the message is redelivered and, after the delivery limit, parked.
     */
    public void run(String jobId) {
        Optional<Inputs> found = retry.call("reading training labels", () -> inputs(jobId));
        if (found.isEmpty()) {
            return;
        }
        Inputs in = found.get();
        Trained trained;
        try {
            trained = metrics.timeTraining(() -> train(in, progressOf(jobId)));
        } catch (TrainingRefused e) {
            retry.run("failing a training job", () -> jobs.fail(jobId, e.getMessage()));
            metrics.jobEnded("failed");
            LOG.warnf("training_job_id=%s refused: %s", jobId, e.getMessage());
            return;
        }
        TrainingResult result = trained.result();
        HeadlineMetrics headline = HeadlineMetrics.of(result.report(), in.ladder());
        String report = MarkdownReport.render(result.report());
        if (!trained.crossValidation().isEmpty()) {
            CrossValidationReport crossValidation = new CrossValidationReport(trained.crossValidation());
            headline = headline.withCrossValidation(crossValidation);
            report = MarkdownReport.withCrossValidation(result.report(), crossValidation);
        }
        ModelStore.NewModel newModel = new ModelStore.NewModel(result.report().dataFingerprint(), in.job().parameters,
                in.source().ladder(), JsonColumn.write(json, headline), report, ModelCodec.encode(result.model()));
        // Safe to repeat: the insert is a no-op once the job has its model.
        ComplexityModelEntity model = retry.call("storing a trained model", () -> models.storeAndSucceed(in.job(), newModel));
        metrics.jobEnded("succeeded");
        LOG.infof("training_job_id=%s stored model_id=%s version=%d: accuracy %.3f (majority %.3f, tf-idf %.3f), test pass rate %.3f"
                        + " at threshold %.2f, cost cut %.1f%% vs always-largest; %s", jobId, model.id, model.version, headline.accuracy(),
                headline.majorityAccuracy(), headline.tfidfAccuracy(), headline.passRate(), headline.threshold(),
                100 * headline.costCutVsLargest(), noTestsCascade(headline.noTestsCascade()));
        HeadlineMetrics stored = headline;
        // Safe to repeat: once promoted, the model no longer beats the promoted one.
        retry.run("promoting by policy", () -> promotions.promoteIfPolicyHolds(model, stored));
    }

    private static String noTestsCascade(NoTestsCascadeMetrics cascade) {
        return cascade.trained() ? String.format(Locale.ROOT, "no-tests cascade at answer scores %s: test pass rate %.3f (%.3f of"
                        + " the solved), cost cut %.1f%%, scorer precision %.3f recall %.3f", cascade.thresholds(), cascade.passRate(),
                cascade.solvedPassRate(), 100 * cascade.costCutVsLargest(), cascade.precisionAll(), cascade.recallAll())
                : "no answer scorer: " + cascade.notTrainedReason();
    }

    /** What a running job trains on, read before any fitting starts. */
    private record Inputs(TrainingJobEntity job, TrainingSpec spec, CompletedLabels.Job source, List<LabelledTask> tasks,
                          List<RecordedAnswer> answers, List<PricedModel> ladder) {
    }

    private Optional<Inputs> inputs(String jobId) {
        TrainingJobEntity job = jobs.get(jobId);
        if (job.state != TrainingJobState.RUNNING) {
            LOG.infof("training_job_id=%s already %s; nothing to do", jobId, job.state);
            return Optional.empty();
        }
        TrainingSpec spec = JsonColumn.read(json, job.parameters, TrainingSpec.class, "stored TrainingSpec");
        List<CompletedLabels.Job> sources = labelSources.byIds(spec.sources(job.labelingJobId));
        CompletedLabels.Job source = sources.get(0);
        return Optional.of(new Inputs(job, spec, source, tasks(jobId, sources, spec), labelSources.answers(sources),
                labels.ladder(source.ladder())));
    }

    /** The model, and each cross-validation fold's figures (none unless the job asked for folds). */
    private record Trained(TrainingResult result, List<FoldFigures> crossValidation) {
    }

    /**
     * The folds first, so that the job's last stage is the model's own {@code done}. Only the stored model gets an answer
     * scorer: the folds' figures are the classifier's and the prompt policies'.
     */
    private Trained train(Inputs in, TrainingProgress progress) {
        List<LabelledTask> tasks = in.tasks();
        List<PricedModel> ladder = in.ladder();
        TrainingSpec spec = in.spec();
        List<DataSplit> folds = spec.foldSplits(tasks);
        double modelStart = folds.size() / (folds.size() + 1.0);
        List<FoldFigures> crossValidation = folds.isEmpty() ? List.of()
                : trainer.crossValidate(tasks, ladder, folds, spec.parameters(), progress.stretch("", 0, modelStart)).folds();
        return new Trained(trainer.train(tasks, in.answers(), ladder, spec.dataSplit(tasks), spec.parameters(),
                progress.stretch("", modelStart, 1)), crossValidation);
    }

    /**
     * A delivery failed: its error is kept on the running job, so that a job whose request is parked can say why.
     * Its state does not change; GetJob shows the reason only once the job failed.
     */
    public void recordFailedAttempt(String jobId, RuntimeException error) {
        jobs.recordFailedAttempt(jobId, error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    /** The broker gave up on a job's message: the job fails with the reason instead of staying RUNNING forever. */
    public void parked(String jobId) {
        String lastError = jobs.find(jobId).map(job -> job.failureReason).orElse(null);
        int deliveries = 1 + config.jobs().maxRedeliveries();
        String reason = "training failed on all " + deliveries + " deliveries of its request (trainer.jobs.max-redeliveries="
                + config.jobs().maxRedeliveries() + ") and the broker parked it on training-requests.parked; "
                + (lastError == null ? "no attempt recorded its error, see the trainer's logs" : "the last attempt failed with " + lastError)
                + ". Once the cause is fixed, RetryJob runs it again";
        if (jobs.fail(jobId, reason)) {
            metrics.jobEnded("failed");
            LOG.warnf("training_job_id=%s parked after its delivery limit and failed", jobId);
        }
    }

    /** The label sources' labels and, if the job asks for them, the routed prompts they did not label. */
    private List<LabelledTask> tasks(String jobId, List<CompletedLabels.Job> sources, TrainingSpec spec) {
        List<CompletedLabels.StoredLabel> stored = labelSources.labels(sources);
        List<LabelledTask> tasks = new ArrayList<>(labelled(stored));
        if (spec.includeRoutedSamples()) {
            // Combined sources share a ladder and a rule, so the first one's label the routed prompts as any would.
            CompletedLabels.Job source = sources.get(0);
            List<LabelledTask> routed = RoutedLabels.rows(routedAttempts(), source.ladder(),
                    LabellingRules.named(source.ruleId(), source.ladder().size(), source.reliablePassRate()),
                    stored.stream().map(label -> new RoutedLabels.Prompt(label.prompt(), label.tests())).collect(Collectors.toSet()));
            LOG.infof("training_job_id=%s trains on %d routed prompts beside %d labels", jobId, routed.size(), stored.size());
            tasks.addAll(routed);
        }
        return tasks;
    }

    /** Labels as training rows. */
    static List<LabelledTask> labelled(List<CompletedLabels.StoredLabel> stored) {
        return stored.stream().map(label -> new LabelledTask(label.sourceId(), ClassifierInput.of(label.prompt(), label.tests()),
                label.complexity(), label.passes())).toList();
    }

    private List<RoutedLabels.Attempt> routedAttempts() {
        return routedAttempts.trusted().stream()
                .map(attempt -> new RoutedLabels.Attempt(attempt.prompt(), attempt.tests(), attempt.model(), attempt.verdict())).toList();
    }

    private TrainingProgress progressOf(String jobId) {
        String[] lastStage = {""};
        double[] lastFraction = {-1};
        return (stage, fraction) -> {
            if (!stage.equals(lastStage[0]) || fraction - lastFraction[0] >= PROGRESS_STEP) {
                lastStage[0] = stage;
                lastFraction[0] = fraction;
                retry.run("recording training progress", () -> jobs.progress(jobId, stage, fraction));
            }
        };
    }
}
