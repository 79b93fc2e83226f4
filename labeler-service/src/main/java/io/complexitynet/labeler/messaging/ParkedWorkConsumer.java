package io.complexitynet.labeler.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import io.complexitynet.database.labeling.JobTaskKey;
import io.complexitynet.labeler.application.LabelingWorkflow;
import io.complexitynet.labeler.metrics.LabelerMetrics;
import io.complexitynet.labeler.persistence.JobStore;
import io.complexitynet.proto.v1.LabelingWork;
import io.complexitynet.proto.v1.VerifyResponse;
import io.complexitynet.service.messaging.ParkedMessages;
import io.complexitynet.service.resilience.TransientRetry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The labeler's parking queues: work or verification results the broker dead-lettered after their delivery limit.
 * Either way the task is parked with the reason, visible in GetJob, and the job goes on (and completes) without it
 * until an operator sends it again (Labeler.RetryParked).
 */
@ApplicationScoped
public class ParkedWorkConsumer {

    private static final Logger LOG = Logger.getLogger(ParkedWorkConsumer.class);

    @Inject JobStore jobs;
    @Inject LabelerMetrics metrics;
    @Inject ParkedMessages parked;
    @Inject TransientRetry retry;

    @Incoming("labeling-work-parked")
    @Blocking
    @ActivateRequestContext
    public void work(byte[] payload) throws InvalidProtocolBufferException {
        LabelingWork work = LabelingWork.parseFrom(payload);
        // No reason of its own: the task keeps the last error its attempts recorded.
        park(work.getJobId(), work.getTaskId(), null, "labeling-work.parked");
    }

    @Incoming("verification-results-parked")
    @Blocking
    @ActivateRequestContext
    public void results(byte[] payload) {
        String batchId;
        try {
            batchId = VerifyResponse.parseFrom(payload).getBatchId();
        } catch (InvalidProtocolBufferException e) {
            LOG.errorf("a parked verification result is not a VerifyResponse (%d bytes); dropped", payload.length);
            parked.taken("verification-results.parked");
            return;
        }
        JobTaskKey key;
        try {
            key = LabelingWorkflow.parseBatchId(batchId);
        } catch (IllegalArgumentException e) {
            LOG.errorf("a parked verification result names no task of a job (%s); dropped", e.getMessage());
            parked.taken("verification-results.parked");
            return;
        }
        park(key.jobId, key.taskId, "its verification results could not be recorded on any delivery", "verification-results.parked");
    }

    private void park(String jobId, long taskId, String reason, String queue) {
        LOG.warnf("job_id=%s task_id=%d parked from %s", jobId, taskId, queue);
        retry.run("parking work", () -> jobs.park(jobId, taskId, reason));
        metrics.taskParked();
        parked.taken(queue);
    }
}
