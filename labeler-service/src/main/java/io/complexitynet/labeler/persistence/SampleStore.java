package io.complexitynet.labeler.persistence;

import io.complexitynet.core.backend.Completion;
import io.complexitynet.core.probe.ProbeOutcome;
import io.complexitynet.database.labeling.SampleEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/** Samples: stored once per (job, task, model, sample index), whatever a redelivery repeats. */
@ApplicationScoped
public class SampleStore {

    @Inject EntityManager entities;

    public List<SampleEntity> samples(String jobId, long taskId) {
        return SampleEntity.list("jobId = ?1 and taskId = ?2 order by model, sampleIndex", jobId, taskId);
    }

    /**
     * A generated sample to store. {@code verdict} is set only for samples judged without the
     * verifier (an empty or oversized answer), else null.
     */
    public record NewSample(String model, int sampleIndex, Completion completion, String verdict, String verdictDetail) {
    }

    /** Stores a task's generated samples in one transaction, skipping any already stored for their key. */
    @Transactional
    public void insertAll(String jobId, long taskId, List<NewSample> generated) {
        for (NewSample sample : generated) {
            insert(jobId, taskId, sample.model(), sample.sampleIndex(), sample.completion(), sample.verdict(), sample.verdictDetail());
        }
    }

    private void insert(String jobId, long taskId, String model, int sampleIndex, Completion completion,
                        String verdict, String verdictDetail) {
        entities.createQuery("insert into SampleEntity (jobId, taskId, model, sampleIndex, completion, promptTokens,"
                        + " completionTokens, latencyMillis, verdict, verdictDetail, createdAt, verifiedAt)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
                        + " on conflict do nothing")
                .setParameter(1, jobId).setParameter(2, taskId).setParameter(3, model).setParameter(4, sampleIndex)
                .setParameter(5, completion.code()).setParameter(6, completion.promptTokens())
                .setParameter(7, completion.completionTokens()).setParameter(8, completion.latency().toMillis())
                .setParameter(9, verdict).setParameter(10, verdictDetail)
                .setParameter(11, OffsetDateTime.now()).setParameter(12, verdict == null ? null : OffsetDateTime.now())
                .executeUpdate();
    }

    /** Records the verifier's verdict for a sample that has none yet; a repeated result changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordVerdict(long sampleId, String jobId, long taskId, String verdict, String detail) {
        SampleEntity.update("verdict = ?1, verdictDetail = ?2, verifiedAt = ?3 where id = ?4 and jobId = ?5 and taskId = ?6"
                        + " and verdict is null", verdict, JobStore.shorten(detail), OffsetDateTime.now(), sampleId, jobId, taskId);
    }

    /** Records what a sample's test-free run showed, where nothing is recorded yet; a repeated result changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordProbe(long sampleId, String jobId, long taskId, ProbeOutcome outcome, long wallTimeMillis) {
        SampleEntity.update("probeKind = ?1, probeCalls = ?2, probeCallsReturned = ?3, probeMillis = ?4"
                        + " where id = ?5 and jobId = ?6 and taskId = ?7 and probeKind is null",
                outcome.kind().name(), outcome.calls(), outcome.callsReturned(), wallTimeMillis, sampleId, jobId, taskId);
    }
}
