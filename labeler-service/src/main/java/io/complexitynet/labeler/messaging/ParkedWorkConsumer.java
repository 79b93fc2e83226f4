package io.complexitynet.labeler.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import io.complexitynet.labeler.metrics.LabelerMetrics;
import io.complexitynet.labeler.persistence.JobStore;
import io.complexitynet.proto.v1.LabelingWork;
import io.complexitynet.service.resilience.TransientRetry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Work the broker dead-lettered after its delivery limit: the task is parked with the last error
 * its attempts recorded, and the job goes on (and completes) without it.
 */
@ApplicationScoped
public class ParkedWorkConsumer {

    private static final Logger LOG = Logger.getLogger(ParkedWorkConsumer.class);

    @Inject JobStore jobs;
    @Inject LabelerMetrics metrics;
    @Inject TransientRetry retry;

    @Incoming("labeling-work-parked")
    @Blocking
    @ActivateRequestContext
    public void consume(byte[] payload) throws InvalidProtocolBufferException {
        LabelingWork work = LabelingWork.parseFrom(payload);
        LOG.warnf("job_id=%s task_id=%d parked after its delivery limit", work.getJobId(), work.getTaskId());
        retry.run("parking work", () -> jobs.park(work.getJobId(), work.getTaskId(), null));
        metrics.taskParked();
    }
}
