package io.complexitynet.labeler.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import io.complexitynet.labeler.application.LabelingWorkflow;
import io.complexitynet.proto.v1.LabelingWork;
import io.complexitynet.service.resilience.TransientRetry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Takes one task of one job off the "labeling-work" queue, generates its samples and sends them
 * for verification. The message is acknowledged only after the samples are stored and the broker
 * has confirmed the verification request, so a crash at any point redelivers it. An outage of the database
 * (in the workflow) or of the broker (here) is waited out ({@link TransientRetry}); any other failure, a model
 * endpoint's among them, is recorded on the task and the message goes back until the queue's delivery limit parks it.
 */
@ApplicationScoped
public class WorkConsumer {

    private static final Logger LOG = Logger.getLogger(WorkConsumer.class);

    @Inject LabelingWorkflow workflow;
    @Inject TransientRetry retry;
    @Inject VerificationRequests verificationRequests;

    @Incoming("labeling-work")
    @Blocking(ordered = false)
    @ActivateRequestContext
    public void consume(byte[] payload) throws InvalidProtocolBufferException {
        LabelingWork work = LabelingWork.parseFrom(payload);
        try {
            workflow.generate(work.getJobId(), work.getTaskId()).ifPresent(verificationRequests::send);
        } catch (RuntimeException e) {
            LOG.warnf("job_id=%s task_id=%d work failed, will be retried: %s", work.getJobId(), work.getTaskId(), e.getMessage());
            retry.run("recording a failed attempt", () -> workflow.recordFailedAttempt(work.getJobId(), work.getTaskId(), e));
            throw e;
        }
    }
}
