package io.complexitynet.trainer.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.jobs.TrainingJobState;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.database.JsonColumn;
import io.complexitynet.database.labeling.CompletedLabels;
import io.complexitynet.database.training.TrainingJobEntity;
import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.model.embedding.PromptEncoder;
import io.complexitynet.proto.v1.TrainingWork;
import io.complexitynet.trainer.config.TrainerConfig;
import io.complexitynet.trainer.domain.TrainingRequest;
import io.complexitynet.trainer.domain.TrainingSpec;
import io.complexitynet.trainer.messaging.TrainingRequests;
import io.complexitynet.trainer.persistence.TrainingJobStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Starts training jobs, asked for (StartTraining) or on new labels, and queues them: validates the request, stores
 * the job and sends its message; {@link TrainingRun} takes it from there.
 */
@ApplicationScoped
public class TrainingJobs {

    private static final Logger LOG = Logger.getLogger(TrainingJobs.class);
    private static final String MBPP_SPLIT = "mbpp";
    /** The width of training_job.parameters (label-database's V2 migration): explicit splits' task ids are stored there. */
    private static final int MAX_PARAMETERS_CHARS = 4000;

    @Inject TrainerConfig config;
    @Inject TrainingJobStore jobs;
    @Inject CompletedLabels labels;
    @Inject LabelSources labelSources;
    @Inject TrainingRequests requests;
    @Inject TrainedModels trained;
    @Inject PromptEncoder encoder;
    @Inject ObjectMapper json;

    /** Validates the request, stores the job and queues it; returns at once. */
    public TrainingJobView start(TrainingRequest request) {
        List<CompletedLabels.Job> sources = labelSources.of(request);
        TrainingSpec spec = spec(request, sources.stream().map(CompletedLabels.Job::id).toList());
        if (sources.size() > 1 && MBPP_SPLIT.equals(spec.split())) {
            throw RequestRefused.invalidArgument("split", "'mbpp' splits by MBPP's own task ids and cannot split " + sources.size()
                    + " label sources; use fractions:<train>/<validation>/<test> or explicit, with task ids written <dataset>/<task id>");
        }
        String parameters = JsonColumn.write(json, spec);
        if (parameters.length() > MAX_PARAMETERS_CHARS) {
            throw RequestRefused.invalidArgument("explicit_split", "the job's parameters take " + parameters.length()
                    + " characters, more than the " + MAX_PARAMETERS_CHARS + " the label database stores for a job; list fewer task ids,"
                    + " or use a fractions split");
        }
        List<LabelledTask> tasks = TrainingRun.labelled(labelSources.labels(sources));
        spec.splitSpec().shortfall(tasks, spec.seed()).ifPresent(shortfall -> {
            throw RequestRefused.wrongState(shortfall);
        });
        spec.crossValidation().flatMap(folds -> folds.shortfall(tasks, spec.seed())).ifPresent(shortfall -> {
            throw RequestRefused.wrongState(shortfall);
        });
        TrainingJobEntity job = jobs.create(sources.get(0).id(), parameters,
                request.startedBy() == null || request.startedBy().isBlank() ? "anonymous" : request.startedBy());
        send(job.id);
        LOG.infof("training_job_id=%s started by %s: labelling jobs %s (%s), %s", job.id, job.startedBy,
                sources.stream().map(CompletedLabels.Job::id).toList(), sources.stream().map(CompletedLabels.Job::dataset).toList(),
                job.parameters);
        return TrainingJobView.of(job, Optional.empty());
    }

    /**
     * Starts a job for a labelling job that just completed; the id is derived from it, so a repeated event
     * starts nothing new. A repeat while that job still runs queues it again: the first request may have been
     * lost to a crash before the broker took it, and a request for a job that has ended is a no-op.
     *
     * @return the job's id
     */
    public String retrain(String labelingJobId) {
        String id = UUID.nameUUIDFromBytes(("retrain/" + labelingJobId).getBytes(StandardCharsets.UTF_8)).toString();
        Optional<TrainingJobEntity> existing = jobs.find(id);
        if (existing.isPresent() && existing.get().state != TrainingJobState.RUNNING) {
            return id;
        }
        if (existing.isEmpty()) {
            TrainingSpec spec = spec(new TrainingRequest(labelingJobId, null, "", Optional.empty(), "", 0, 0, 0, "labels-updated", false,
                    List.of(), List.of(), 0), List.of(labelingJobId));
            jobs.createWithId(id, labels.job(labelingJobId).id(), JsonColumn.write(json, spec), "labels-updated");
        }
        send(id);
        LOG.infof(existing.isEmpty() ? "training_job_id=%s started on labels-updated for labelling job %s"
                : "training_job_id=%s queued again on a repeated labels-updated for labelling job %s", id, labelingJobId);
        return id;
    }

    /**
     * RetryJob: a failed job runs again from the start under its own id, parameters and labels; a running or succeeded
     * job is answered as it is. Only one of two concurrent calls reopens the job, so it is queued once.
     */
    public TrainingJobView retry(String jobId) {
        if (jobId.isBlank()) {
            throw RequestRefused.invalidArgument("job_id", "is empty");
        }
        TrainingJobEntity job = jobs.get(jobId);
        if (jobs.reopen(jobId)) {
            send(jobId);
            LOG.infof("training_job_id=%s queued again after it failed: %s", jobId, job.failureReason);
        }
        return trained.job(jobId);
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

    private TrainingSpec spec(TrainingRequest request, List<String> labelingJobIds) {
        TrainerConfig.Defaults defaults = config.defaults();
        TrainingSpec spec = new TrainingSpec(blankOr(request.split(), MBPP_SPLIT), request.splitParts().orElse(null),
                blankOr(request.headType(), defaults.headType()),
                request.epochs() == 0 ? defaults.epochs() : request.epochs(),
                request.learningRate() == 0 ? defaults.learningRate() : request.learningRate(),
                request.seed() == 0 ? defaults.seed() : request.seed(),
                defaults.minLabelsPerClass(), encoder.id(), request.includeRoutedSamples(), request.crossValidationFolds(),
                labelingJobIds);
        try {
            spec.parameters();
            spec.splitSpec();
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalidArgument("parameters", e.getMessage());
        }
        try {
            spec.crossValidation();
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalidArgument("cross_validation_folds", e.getMessage());
        }
        return spec;
    }

    private static String blankOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
