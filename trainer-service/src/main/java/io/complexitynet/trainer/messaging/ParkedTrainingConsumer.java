package io.complexitynet.trainer.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import io.complexitynet.proto.v1.LabelsUpdated;
import io.complexitynet.proto.v1.TrainingWork;
import io.complexitynet.service.messaging.ParkedMessages;
import io.complexitynet.service.resilience.TransientRetry;
import io.complexitynet.trainer.application.TrainingRun;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The trainer's parking queues: messages the broker dead-lettered after their delivery limit. A parked training
 * request fails its job with the reason, visibly; a parked labels-updated event started no job, so it is logged
 * with the labelling job an operator can train on by hand. Each counts in {@link ParkedMessages}.
 */
@ApplicationScoped
public class ParkedTrainingConsumer {

    private static final Logger LOG = Logger.getLogger(ParkedTrainingConsumer.class);

    @Inject TrainingRun run;
    @Inject TransientRetry retry;
    @Inject ParkedMessages parked;

    @Incoming("training-requests-parked")
    @Blocking
    @ActivateRequestContext
    public void consume(byte[] payload) throws InvalidProtocolBufferException {
        String jobId = TrainingWork.parseFrom(payload).getJobId();
        retry.run("parking a training job", () -> run.parked(jobId));
        parked.taken("training-requests.parked");
    }

    @Incoming("labels-updated-parked")
    @Blocking
    public void labelsUpdated(byte[] payload) {
        parked.taken("trainer.labels-updated.parked");
        try {
            String labelingJobId = LabelsUpdated.parseFrom(payload).getJobId();
            LOG.warnf("labels-updated for labelling job %s parked after its delivery limit: no retraining started; StartTraining"
                    + " with labeling_job_id %s starts it once the cause is fixed", labelingJobId, labelingJobId);
        } catch (InvalidProtocolBufferException e) {
            LOG.errorf("a parked labels-updated event is not a LabelsUpdated (%d bytes); dropped", payload.length);
        }
    }
}
