package io.complexitynet.labeler.application;

import io.complexitynet.core.backend.BackendException;
import io.complexitynet.core.backend.ChatPrompt;
import io.complexitynet.core.backend.Completion;
import io.complexitynet.core.backend.CompletionRequest;
import io.complexitynet.core.jobs.LabelingJobState;
import io.complexitynet.core.jobs.TaskWorkState;
import io.complexitynet.core.labelling.ComplexityLabel;
import io.complexitynet.core.labelling.LabellingRule;
import io.complexitynet.core.labelling.LabellingRules;
import io.complexitynet.core.probe.AnswerProbe;
import io.complexitynet.core.probe.ProbeOutcome;
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
import io.complexitynet.labeler.domain.SampleCandidate;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The steps of labelling one task: generate every missing sample, send the unverified ones to the
 * verifier (each also as a test-free probe when probes are on), record its verdicts and probe outcomes,
 * and once every sample has a verdict, apply the job's rule. Each step can be repeated after a crash or
 * a redelivery without storing anything twice.
 */
@ApplicationScoped
public class LabelingWorkflow {

    private static final String PROBED = "/probed";

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
        Optional<VerifyRequest> request = retry.call("storing samples",
                () -> storeAndRequest(jobId, taskId, work, generated, config.probe().enabled()));
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
        Set<String> stored = new HashSet<>();
        for (SampleEntity sample : samples.samples(jobId, taskId)) {
            stored.add(sample.model + "#" + sample.sampleIndex);
        }
        return Optional.of(new OpenWork(found.get(), codeTask(task), ProvidedNames.definedBy(task.referenceCode), stored));
    }

    private Optional<VerifyRequest> storeAndRequest(String jobId, long taskId, OpenWork work, List<SampleStore.NewSample> generated,
                                                    boolean withProbes) {
        samples.insertAll(jobId, taskId, generated);
        // Read back for the ids the verifier's candidates are named by.
        List<SampleEntity> unverified = samples.samples(jobId, taskId).stream().filter(s -> s.verdict == null).toList();
        if (unverified.isEmpty()) {
            labelIfVerified(jobId, taskId);
            return Optional.empty();
        }
        VerifyRequest.Builder request = VerifyRequest.newBuilder().setBatchId(batchId(jobId, taskId, withProbes));
        // Never empty when on: a task without example calls still has its answers loaded.
        List<String> probe = withProbes ? probeOf(work.task()).statements() : List.of();
        for (SampleEntity sample : unverified) {
            request.addCandidates(candidate(SampleCandidate.testsOf(sample.id), sample.completion, work.task().setupCode(),
                    work.task().tests(), work.provides()));
            if (!probe.isEmpty()) {
                // No setup: the probe runs only what the model was shown, so it is the run a task without tests gets.
                request.addCandidates(candidate(SampleCandidate.probeOf(sample.id), sample.completion, "", probe, work.provides()));
            }
        }
        return Optional.of(request.build());
    }

    private Candidate candidate(SampleCandidate candidate, String code, String setupCode, List<String> tests, List<String> provides) {
        return Candidate.newBuilder().setCandidateId(candidate.candidateId()).setCode(code).setSetupCode(setupCode)
                .addAllTests(tests).addAllProvides(provides)
                .setLimits(ResourceLimits.newBuilder().setWallTimeMillis(config.work().verifyWallTime().toMillis())).build();
    }

    private CodeTask codeTask(TaskEntity task) {
        return new CodeTask(task.sourceId, task.prompt, task.setupCode, datasets.tests(task));
    }

    /** The test-free run of a task's answers: the example calls of the user message the models were shown. */
    private static AnswerProbe probeOf(CodeTask task) {
        return AnswerProbe.of(ChatPrompt.user(task));
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

    /**
     * Records the verifier's answer; a complete one is labelled. A rejected batch parks its task, unless it carried
     * probes: their statements come from the task's text, so the batch is sent again without them (the answer to send,
     * returned), and a probe the verifier cannot take never costs a task its verdicts.
     */
    @Transactional
    public Optional<VerifyRequest> recordResults(VerifyResponse response) {
        JobTaskKey key = parseBatchId(response.getBatchId());
        if (jobs.job(key.jobId).isEmpty()) {
            LOG.warnf("batch_id=%s belongs to no known job; dropped", response.getBatchId());
            return Optional.empty();
        }
        if (!response.getRejection().isEmpty()) {
            if (carriesProbes(response.getBatchId())) {
                LOG.warnf("job_id=%s task_id=%d verifier rejected the batch with probes (%s); verifying again without them",
                        key.jobId, key.taskId, response.getRejection());
                return openWork(key.jobId, key.taskId)
                        .flatMap(work -> storeAndRequest(key.jobId, key.taskId, work, List.of(), false));
            }
            LOG.warnf("job_id=%s task_id=%d verifier rejected the batch: %s", key.jobId, key.taskId, response.getRejection());
            jobs.park(key.jobId, key.taskId, "the verifier rejected the batch: " + response.getRejection());
            return Optional.empty();
        }
        Map<Long, CandidateResult> probeResults = new LinkedHashMap<>();
        for (CandidateResult result : response.getResultsList()) {
            SampleCandidate candidate = SampleCandidate.parse(result.getCandidateId());
            if (candidate.probe()) {
                probeResults.put(candidate.sampleId(), result);
            } else {
                samples.recordVerdict(candidate.sampleId(), key.jobId, key.taskId, verdictName(result), detail(result));
            }
        }
        if (!probeResults.isEmpty()) {
            AnswerProbe probe = probeOf(codeTask(TaskEntity.findById(key.taskId)));
            probeResults.forEach((sampleId, result) -> samples.recordProbe(sampleId, key.jobId, key.taskId,
                    probeOutcome(probe, result), result.getWallTimeMillis()));
        }
        labelIfVerified(key.jobId, key.taskId);
        return Optional.empty();
    }

    /** What a probe's result says about the answer it ran. */
    static ProbeOutcome probeOutcome(AnswerProbe probe, CandidateResult result) {
        return ProbeOutcome.of(probe, verdictName(result), result.getTestIndex());
    }

    /** The verdict's name as stored: PASSED, FAILED, ... */
    private static String verdictName(CandidateResult result) {
        return result.getVerdict().name().replace("VERDICT_", "");
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

    static String batchId(String jobId, long taskId, boolean withProbes) {
        return jobId + "/" + taskId + (withProbes ? PROBED : "");
    }

    static boolean carriesProbes(String batchId) {
        return batchId.endsWith(PROBED);
    }

    /**
     * The job and task a verification batch belongs to ({@code <job>/<task>}, {@code /probed} after it when the batch
     * carries probes); IllegalArgumentException for an id this labeler did not make.
     */
    public static JobTaskKey parseBatchId(String batchId) {
        String id = carriesProbes(batchId) ? batchId.substring(0, batchId.length() - PROBED.length()) : batchId;
        int slash = id.lastIndexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("batch id '" + batchId + "' is not <job>/<task>");
        }
        return new JobTaskKey(id.substring(0, slash), Long.parseLong(id.substring(slash + 1)));
    }
}
