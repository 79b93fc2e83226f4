package io.complexitynet.trainer.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.jobs.TrainingJobState;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.database.JsonColumn;
import io.complexitynet.database.labeling.CompletedLabels;
import io.complexitynet.database.training.TrainingJobEntity;
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

    @Inject TrainerConfig config;
    @Inject TrainingJobStore jobs;
    @Inject CompletedLabels labels;
    @Inject TrainingRequests requests;
    @Inject PromptEncoder encoder;
    @Inject ObjectMapper json;

    /** Validates the request, stores the job and queues it; returns at once. */
    public TrainingJobView start(TrainingRequest request) {
        CompletedLabels.Job source;
        if (request.labelingJobId() != null && !request.labelingJobId().isBlank()) {
            source = labels.job(request.labelingJobId());
        } else if (request.dataset() != null && !request.dataset().isBlank()) {
            source = labels.latestJob(request.dataset());
        } else {
            throw RequestRefused.invalidArgument("source", "give a labeling_job_id or a dataset");
        }
        TrainingSpec spec = spec(request);
        spec.splitSpec().shortfall(TrainingRun.labelled(labels.labels(source.id())), spec.seed()).ifPresent(shortfall -> {
            throw RequestRefused.wrongState(shortfall);
        });
        TrainingJobEntity job = jobs.create(source.id(), JsonColumn.write(json, spec),
                request.startedBy() == null || request.startedBy().isBlank() ? "anonymous" : request.startedBy());
        send(job.id);
        LOG.infof("training_job_id=%s started by %s: labelling job %s (%s), %s", job.id, job.startedBy, source.id(), source.dataset(),
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
            TrainingSpec spec = spec(new TrainingRequest(labelingJobId, null, "", Optional.empty(), "", 0, 0, 0, "labels-updated", false));
            jobs.createWithId(id, labels.job(labelingJobId).id(), JsonColumn.write(json, spec), "labels-updated");
        }
        send(id);
        LOG.infof(existing.isEmpty() ? "training_job_id=%s started on labels-updated for labelling job %s"
                : "training_job_id=%s queued again on a repeated labels-updated for labelling job %s", id, labelingJobId);
        return id;
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
        TrainingSpec spec = new TrainingSpec(blankOr(request.split(), "mbpp"), request.splitParts().orElse(null),
                blankOr(request.headType(), defaults.headType()),
                request.epochs() == 0 ? defaults.epochs() : request.epochs(),
                request.learningRate() == 0 ? defaults.learningRate() : request.learningRate(),
                request.seed() == 0 ? defaults.seed() : request.seed(),
                defaults.minLabelsPerClass(), encoder.id(), request.includeRoutedSamples());
        try {
            spec.parameters();
            spec.splitSpec();
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalidArgument("parameters", e.getMessage());
        }
        return spec;
    }

    private static String blankOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
