package io.complexitynet.trainer.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.labelling.LabellingRules;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.routing.RoutingOutcome;
import io.complexitynet.proto.v1.TrainingWork;
import io.complexitynet.service.persistence.JsonColumn;
import io.complexitynet.trainer.config.TrainerConfig;
import io.complexitynet.model.domain.ClassifierInput;
import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.model.domain.TrainingRefused;
import io.complexitynet.model.embedding.PromptEncoder;
import io.complexitynet.model.learning.ModelCodec;
import io.complexitynet.trainer.domain.HeadlineMetrics;
import io.complexitynet.trainer.domain.PromotionPolicy;
import io.complexitynet.trainer.domain.RoutedLabels;
import io.complexitynet.trainer.domain.TrainingRequest;
import io.complexitynet.trainer.domain.TrainingSpec;
import io.complexitynet.trainer.messaging.PromotionDispatcher;
import io.complexitynet.trainer.messaging.TrainingRequests;
import io.complexitynet.trainer.metrics.TrainerMetrics;
import io.complexitynet.trainer.persistence.ComplexityModelEntity;
import io.complexitynet.trainer.persistence.LabelSource;
import io.complexitynet.trainer.persistence.ModelPromotionEntity;
import io.complexitynet.trainer.persistence.ModelStore;
import io.complexitynet.trainer.persistence.TrainingJobEntity;
import io.complexitynet.trainer.persistence.TrainingJobStore;
import io.complexitynet.trainer.report.MarkdownReport;
import io.complexitynet.model.training.CalibratedRouting;
import io.complexitynet.model.training.GapMetrics;
import io.complexitynet.model.training.Trainer;
import io.complexitynet.model.training.TrainingProgress;
import io.complexitynet.model.training.TrainingReport;
import io.complexitynet.model.training.TrainingResult;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * A training job from request to stored model: validates and queues it, runs it when its message
 * arrives (the labels of a completed labelling job, the domain {@link Trainer}, one model stored per
 * job), and promotes models by hand or by the configured policy.
 */
@ApplicationScoped
public class TrainingWorkflow {

    private static final Logger LOG = Logger.getLogger(TrainingWorkflow.class);
    /** Progress is written when the stage changes or the run moved on by this much. */
    private static final double PROGRESS_STEP = 0.05;

    private final TrainerConfig config;
    private final TrainingJobStore jobs;
    private final ModelStore models;
    private final LabelSource labels;
    private final TrainingRequests requests;
    private final PromotionDispatcher promotions;
    private final PromptEncoder encoder;
    private final TrainerMetrics metrics;
    private final ObjectMapper json;

    TrainingWorkflow(TrainerConfig config, TrainingJobStore jobs, ModelStore models, LabelSource labels, TrainingRequests requests,
                     PromotionDispatcher promotions, PromptEncoder encoder, TrainerMetrics metrics, ObjectMapper json) {
        this.config = config;
        this.jobs = jobs;
        this.models = models;
        this.labels = labels;
        this.requests = requests;
        this.promotions = promotions;
        this.encoder = encoder;
        this.metrics = metrics;
        this.json = json;
    }

    /** Validates the request, stores the job and queues it; returns at once. */
    public TrainingJobEntity start(TrainingRequest request) {
        LabelSource.LabelingJob source;
        if (request.labelingJobId() != null && !request.labelingJobId().isBlank()) {
            source = labels.job(request.labelingJobId());
        } else if (request.dataset() != null && !request.dataset().isBlank()) {
            source = labels.latestJob(request.dataset());
        } else {
            throw RequestRefused.invalidArgument("source", "give a labeling_job_id or a dataset");
        }
        TrainingSpec spec = spec(request);
        TrainingJobEntity job = jobs.create(source.id(), write(spec), request.startedBy() == null || request.startedBy().isBlank()
                ? "anonymous" : request.startedBy());
        send(job.id);
        LOG.infof("training_job_id=%s started by %s: labelling job %s (%s), %s", job.id, job.startedBy, source.id(), source.dataset(),
                job.parameters);
        return job;
    }

    /**
     * Starts a job for a labelling job that just completed; the id is derived from it, so a repeated event
     * starts nothing new. A repeat while that job still runs queues it again: the first request may have been
     * lost to a crash before the broker took it, and a request for a job that has ended is a no-op.
     */
    public void retrain(String labelingJobId) {
        String id = UUID.nameUUIDFromBytes(("retrain/" + labelingJobId).getBytes(StandardCharsets.UTF_8)).toString();
        Optional<TrainingJobEntity> existing = jobs.find(id);
        if (existing.isPresent() && existing.get().state != TrainingJobEntity.State.RUNNING) {
            return;
        }
        if (existing.isEmpty()) {
            TrainingSpec spec = spec(new TrainingRequest(labelingJobId, null, "", "", 0, 0, 0, "labels-updated", false));
            jobs.createWithId(id, labels.job(labelingJobId).id(), write(spec), "labels-updated");
        }
        send(id);
        LOG.infof(existing.isEmpty() ? "training_job_id=%s started on labels-updated for labelling job %s"
                : "training_job_id=%s queued again on a repeated labels-updated for labelling job %s", id, labelingJobId);
    }

    /** Queues every running job again where the broker keeps nothing across a restart; an ended job's request is a no-op. */
    void resendAfterRestart(@Observes StartupEvent started) {
        if (config.jobs().resendRunningAtStart()) {
            List<String> running = jobs.runningIds();
            running.forEach(this::send);
            LOG.infof("%d running training jobs queued again: the broker keeps nothing across a restart", running.size());
        }
    }

    private void send(String jobId) {
        try {
            requests.send(TrainingWork.newBuilder().setVersion(1).setJobId(jobId).build());
        } catch (RuntimeException e) {
            jobs.fail(jobId, "could not queue the job: " + e.getMessage());
            throw RequestRefused.unavailable("the broker did not take training job " + jobId + " (" + e.getMessage()
                    + "); the job is marked failed, start it again");
        }
    }

    private TrainingSpec spec(TrainingRequest request) {
        TrainerConfig.Defaults defaults = config.defaults();
        TrainingSpec spec = new TrainingSpec(blankOr(request.split(), "mbpp"), blankOr(request.headType(), defaults.headType()),
                request.epochs() == 0 ? defaults.epochs() : request.epochs(),
                request.learningRate() == 0 ? defaults.learningRate() : request.learningRate(),
                request.seed() == 0 ? defaults.seed() : request.seed(),
                defaults.minLabelsPerClass(), encoder.id(), request.includeRoutedSamples());
        try {
            spec.parameters();
            spec.dataSplit();
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalidArgument("parameters", e.getMessage());
        }
        return spec;
    }

    /**
     * Runs a queued job. A job that already ended (a redelivered message) is left alone; labels that
     * cannot train a model fail the job with the reason. Anything else propagates, so the message is
     * redelivered and, after the delivery limit, parked.
     */
    public void run(String jobId) {
        TrainingJobEntity job = jobs.get(jobId);
        if (job.state != TrainingJobEntity.State.RUNNING) {
            LOG.infof("training_job_id=%s already %s; nothing to do", jobId, job.state);
            return;
        }
        TrainingSpec spec = read(job.parameters);
        LabelSource.LabelingJob source = labels.job(job.labelingJobId);
        List<LabelSource.StoredLabel> stored = labels.labels(source.id());
        List<LabelledTask> tasks = new ArrayList<>(stored.stream().map(label -> new LabelledTask(label.sourceId(),
                ClassifierInput.of(label.prompt(), label.tests()), label.complexity(), label.passes())).toList());
        if (spec.includeRoutedSamples()) {
            List<LabelledTask> routed = RoutedLabels.rows(labels.routedAttempts(), source.ladder(),
                    LabellingRules.named(source.ruleId(), source.ladder().size(), source.reliablePassRate()),
                    stored.stream().map(label -> new RoutedLabels.Prompt(label.prompt(), label.tests())).collect(Collectors.toSet()));
            LOG.infof("training_job_id=%s trains on %d routed prompts beside %d labels", jobId, routed.size(), stored.size());
            tasks.addAll(routed);
        }
        List<PricedModel> ladder = labels.ladder(source.ladder());
        TrainingResult result;
        try {
            result = metrics.timeTraining(() -> new Trainer(encoder).train(tasks, ladder, spec.dataSplit(), spec.parameters(),
                    progressOf(jobId)));
        } catch (TrainingRefused e) {
            jobs.fail(jobId, e.getMessage());
            metrics.jobEnded("failed");
            LOG.warnf("training_job_id=%s refused: %s", jobId, e.getMessage());
            return;
        }
        HeadlineMetrics headline = headline(result.report(), ladder);
        ComplexityModelEntity model = models.storeAndSucceed(job, new ModelStore.NewModel(result.report().dataFingerprint(), job.parameters,
                source.ladder(), write(headline), MarkdownReport.render(result.report()), ModelCodec.encode(result.model())));
        metrics.jobEnded("succeeded");
        LOG.infof("training_job_id=%s stored model_id=%s version=%d: accuracy %.3f (majority %.3f, tf-idf %.3f), test pass rate %.3f"
                        + " at threshold %.2f, cost cut %.1f%% vs always-largest", jobId, model.id, model.version, headline.accuracy(),
                headline.majorityAccuracy(), headline.tfidfAccuracy(), headline.passRate(), headline.threshold(),
                100 * headline.costCutVsLargest());
        if (config.promotion().automatic()) {
            promoteIfPolicyHolds(model, headline);
        }
    }

    private TrainingProgress progressOf(String jobId) {
        String[] lastStage = {""};
        double[] lastFraction = {-1};
        return (stage, fraction) -> {
            if (!stage.equals(lastStage[0]) || fraction - lastFraction[0] >= PROGRESS_STEP) {
                lastStage[0] = stage;
                lastFraction[0] = fraction;
                jobs.progress(jobId, stage, fraction);
            }
        };
    }

    private void promoteIfPolicyHolds(ComplexityModelEntity model, HeadlineMetrics headline) {
        Optional<String> refusal = policy().refusal(headline, promotedMetrics());
        if (refusal.isPresent()) {
            LOG.infof("model_id=%s not promoted automatically: %s", model.id, refusal.get());
            return;
        }
        promote(model.id, "promotion-policy");
    }

    /** Makes the model the promoted one and publishes model-promoted (outbox: retried until the broker confirms). */
    public ModelPromotionEntity promote(String modelId, String promotedBy) {
        ComplexityModelEntity model = models.get(modelId);
        if (config.promotion().enforceOnManual()) {
            Optional<String> refusal = policy().refusal(read(model.metrics, HeadlineMetrics.class), promotedMetrics());
            if (refusal.isPresent()) {
                throw RequestRefused.wrongState("model " + modelId + " does not meet the promotion policy: " + refusal.get());
            }
        }
        ModelPromotionEntity promotion = models.promote(modelId, promotedBy == null || promotedBy.isBlank() ? "anonymous" : promotedBy);
        try {
            promotions.publishPromotions();
        } catch (RuntimeException e) {
            LOG.warnf("model_id=%s promoted; the model-promoted event will be retried: %s", modelId, e.getMessage());
        }
        return promotion;
    }

    /** The broker gave up on a job's message: the job fails with the reason instead of staying RUNNING forever. */
    public void parked(String jobId) {
        if (jobs.fail(jobId, "training failed on every delivery of its request; see the trainer's logs")) {
            metrics.jobEnded("failed");
            LOG.warnf("training_job_id=%s parked after its delivery limit and failed", jobId);
        }
    }

    private PromotionPolicy policy() {
        return new PromotionPolicy(config.promotion().minPassRateGain());
    }

    private Optional<HeadlineMetrics> promotedMetrics() {
        return models.latestPromotion().map(p -> read(models.get(p.modelId).metrics, HeadlineMetrics.class));
    }

    static HeadlineMetrics headline(TrainingReport report, List<PricedModel> ladder) {
        CalibratedRouting routing = report.routing().headline();
        RoutingOutcome validation = routing.validation().point().outcome();
        String weak = ladder.get(0).name();
        String strong = ladder.get(ladder.size() - 1).name();
        double apgr = report.routing().gaps().stream().filter(g -> g.weak().equals(weak) && g.strong().equals(strong))
                .mapToDouble(GapMetrics::apgr).findFirst().orElse(Double.NaN);
        return new HeadlineMetrics(report.classification().model().accuracy(), report.classification().model().macroF1(),
                report.classification().majority().accuracy(), report.classification().tfIdf().accuracy(),
                report.classification().tfIdf().macroF1(), routing.validation().threshold(), routing.test().passRate(),
                routing.test().costCutVersus(report.routing().alwaysLargest()), validation.passRate(), validation.meanCost(), apgr,
                report.routing().aiqPlain());
    }

    private static String blankOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private String write(Object value) {
        return JsonColumn.write(json, value);
    }

    private TrainingSpec read(String parameters) {
        return read(parameters, TrainingSpec.class);
    }

    private <T> T read(String text, Class<T> type) {
        return JsonColumn.read(json, text, type, "stored " + type.getSimpleName());
    }
}
