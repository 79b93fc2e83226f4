package io.complexitynet.labeler.application;

import io.complexitynet.core.backend.BackendException;
import io.complexitynet.core.backend.Completion;
import io.complexitynet.core.backend.CompletionRequest;
import io.complexitynet.core.jobs.LabelingJobState;
import io.complexitynet.core.jobs.TaskWorkState;
import io.complexitynet.core.labelling.ComplexityLabel;
import io.complexitynet.core.labelling.LabellingRule;
import io.complexitynet.core.labelling.LabellingRules;
import io.complexitynet.core.task.CodeTask;
import io.complexitynet.core.task.ProvidedNames;
import io.complexitynet.database.labeling.JobTaskEntity;
import io.complexitynet.database.labeling.JobTaskKey;
import io.complexitynet.database.labeling.LabelingJobEntity;
import io.complexitynet.database.labeling.SampleEntity;
import io.complexitynet.database.labeling.TaskEntity;
import io.complexitynet.labeler.backend.ModelLadder;
import io.complexitynet.labeler.config.LabelerConfig;
import io.complexitynet.labeler.domain.PassTally;
import io.complexitynet.labeler.metrics.LabelerMetrics;
import io.complexitynet.labeler.persistence.DatasetStore;
import io.complexitynet.labeler.persistence.JobStore;
import io.complexitynet.labeler.persistence.LabelStore;
import io.complexitynet.labeler.persistence.SampleStore;
import io.complexitynet.proto.v1.Candidate;
import io.complexitynet.proto.v1.CandidateResult;
import io.complexitynet.proto.v1.ResourceLimits;
import io.complexitynet.proto.v1.VerifyRequest;
import io.complexitynet.proto.v1.VerifyResponse;
import io.complexitynet.service.resilience.TransientRetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The steps of labelling one task: generate every missing sample, send the unverified ones to the
 * verifier, record its verdicts, and once every sample has one, apply the job's rule. Each step
 * can be repeated after a crash or a redelivery without storing anything twice.
 */
@ApplicationScoped
public class LabelingWorkflow {

    private static final Logger LOG = Logger.getLogger(LabelingWorkflow.class);
    /** Verdict of a sample judged without the verifier: an answer with no code, or one over the size limit. */
    static final String NOT_SENT = "FAILED";

    @Inject JobStore jobs;
    @Inject SampleStore samples;
    @Inject LabelStore labels;
    @Inject DatasetStore datasets;
    @Inject ModelLadder ladder;
    @Inject LabelerConfig config;
    @Inject LabelerMetrics metrics;
    @Inject TransientRetry retry;

    /**
     * Generates the task's missing samples and returns the verification request for those without
     * a verdict; empty when the job is not running or every sample already has its verdict (then
     * the task is labelled here). A database outage is waited out around each database step
     * ({@link TransientRetry}); the model calls between them are not repeated for it, and a model
     * endpoint that cannot be reached fails the attempt at once, to be recorded and redelivered.
     */
    public Optional<VerifyRequest> generate(String jobId, long taskId) {
        Optional<OpenWork> found = retry.call("reading labelling work", () -> openWork(jobId, taskId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        OpenWork work = found.get();
        List<SampleStore.NewSample> generated = new ArrayList<>();
        for (String model : work.job().ladder()) {
            for (int index = 0; index < work.job().samplesPerModel; index++) {
                if (!work.stored().contains(model + "#" + index)) {
                    generated.add(generateOne(work.job(), work.task(), model, index));
                }
            }
        }
        Optional<VerifyRequest> request = retry.call("storing samples", () -> storeAndRequest(jobId, taskId, work, generated));
        generated.forEach(sample -> metrics.sampleGenerated(sample.model()));
        return request;
    }

    /** A running job's task with what it has stored: the samples' "model#index" keys. */
    private record OpenWork(LabelingJobEntity job, CodeTask task, List<String> provides, Set<String> stored) {
    }

    private Optional<OpenWork> openWork(String jobId, long taskId) {
        Optional<LabelingJobEntity> found = jobs.job(jobId);
        if (found.isEmpty() || found.get().state != LabelingJobState.RUNNING) {
            return Optional.empty();
        }
        TaskEntity task = TaskEntity.findById(taskId);
        CodeTask codeTask = new CodeTask(task.sourceId, task.prompt, task.setupCode, datasets.tests(task));
        Set<String> stored = new HashSet<>();
        for (SampleEntity sample : samples.samples(jobId, taskId)) {
            stored.add(sample.model + "#" + sample.sampleIndex);
        }
        return Optional.of(new OpenWork(found.get(), codeTask, ProvidedNames.definedBy(task.referenceCode), stored));
    }

    private Optional<VerifyRequest> storeAndRequest(String jobId, long taskId, OpenWork work, List<SampleStore.NewSample> generated) {
        samples.insertAll(jobId, taskId, generated);
        // Read back for the ids the verifier's candidates are named by.
        List<SampleEntity> unverified = samples.samples(jobId, taskId).stream().filter(s -> s.verdict == null).toList();
        if (unverified.isEmpty()) {
            labelIfVerified(jobId, taskId);
            return Optional.empty();
        }
        VerifyRequest.Builder request = VerifyRequest.newBuilder().setBatchId(batchId(jobId, taskId));
        for (SampleEntity sample : unverified) {
            request.addCandidates(Candidate.newBuilder().setCandidateId(Long.toString(sample.id))
                    .setCode(sample.completion).setSetupCode(work.task().setupCode()).addAllTests(work.task().tests())
                    .addAllProvides(work.provides())
                    .setLimits(ResourceLimits.newBuilder().setWallTimeMillis(config.work().verifyWallTime().toMillis())));
        }
        return Optional.of(request.build());
    }

    private SampleStore.NewSample generateOne(LabelingJobEntity job, CodeTask task, String model, int index) {
        Completion completion = ladder.backend(model).complete(
                new CompletionRequest(model, task, index, job.temperature, ladder.maxTokens(model)));
        String verdict = null;
        String detail = null;
        if (completion.code().isBlank()) {
            verdict = NOT_SENT;
            detail = "the model's answer has no code";
        } else if (completion.code().getBytes(StandardCharsets.UTF_8).length > config.work().maxCodeBytes()) {
            verdict = NOT_SENT;
            detail = "the model's code is over the verifier's size limit of " + config.work().maxCodeBytes() + " bytes";
        }
        return new SampleStore.NewSample(model, index, completion, verdict, detail);
    }

    /** Records the verifier's answer; a rejected batch parks its task, a complete one is labelled. */
    @Transactional
    public void recordResults(VerifyResponse response) {
        JobTaskKey key = parseBatchId(response.getBatchId());
        if (jobs.job(key.jobId).isEmpty()) {
            LOG.warnf("batch_id=%s belongs to no known job; dropped", response.getBatchId());
            return;
        }
        if (!response.getRejection().isEmpty()) {
            LOG.warnf("job_id=%s task_id=%d verifier rejected the batch: %s", key.jobId, key.taskId, response.getRejection());
            jobs.park(key.jobId, key.taskId, "the verifier rejected the batch: " + response.getRejection());
            return;
        }
        for (CandidateResult result : response.getResultsList()) {
            samples.recordVerdict(Long.parseLong(result.getCandidateId()), key.jobId, key.taskId,
                    result.getVerdict().name().replace("VERDICT_", ""), detail(result));
        }
        labelIfVerified(key.jobId, key.taskId);
    }

    /** Labels the task once every sample has a verdict, then completes the job if that was its last task. */
    @Transactional
    public void labelIfVerified(String jobId, long taskId) {
        LabelingJobEntity job = jobs.job(jobId).orElse(null);
        JobTaskEntity work = JobTaskEntity.findById(new JobTaskKey(jobId, taskId));
        if (job == null || job.state != LabelingJobState.RUNNING || work == null || !TaskWorkState.OPEN.contains(work.state)) {
            return;
        }
        List<SampleEntity> taskSamples = samples.samples(jobId, taskId);
        if (taskSamples.size() < job.ladder().size() * job.samplesPerModel
                || taskSamples.stream().anyMatch(s -> s.verdict == null)) {
            return;
        }
        PassTally tally = new PassTally(job.ladder(), job.samplesPerModel);
        taskSamples.forEach(s -> tally.add(s.model, "PASSED".equals(s.verdict)));
        LabellingRule rule = LabellingRules.named(job.ruleId, job.ladder().size(), job.reliablePassRate);
        ComplexityLabel label = rule.label(tally.counts());
        labels.insert(jobId, taskId, tally.counts(), job.samplesPerModel, label);
        work.state = TaskWorkState.LABELLED;
        jobs.completeIfDone(jobId);
        metrics.taskLabelled();
    }

    /** Remembers why an attempt at a task failed: what a parked task will show. */
    public void recordFailedAttempt(String jobId, long taskId, RuntimeException error) {
        String reason = error instanceof BackendException ? error.getMessage() : error.getClass().getSimpleName() + ": " + error.getMessage();
        jobs.recordFailedAttempt(jobId, taskId, reason);
        metrics.workFailed();
    }

    private static String detail(CandidateResult result) {
        StringBuilder detail = new StringBuilder();
        if (!result.getErrorType().isEmpty()) {
            detail.append(result.getErrorType()).append(": ");
        }
        if (!result.getFailedTest().isEmpty()) {
            detail.append(result.getFailedTest()).append(": ");
        }
        return detail.append(result.getMessage()).toString();
    }

    static String batchId(String jobId, long taskId) {
        return jobId + "/" + taskId;
    }

    /** The job and task a verification batch belongs to; IllegalArgumentException for an id this labeler did not make. */
    public static JobTaskKey parseBatchId(String batchId) {
        int slash = batchId.lastIndexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("batch id '" + batchId + "' is not <job>/<task>");
        }
        return new JobTaskKey(batchId.substring(0, slash), Long.parseLong(batchId.substring(slash + 1)));
    }
}
