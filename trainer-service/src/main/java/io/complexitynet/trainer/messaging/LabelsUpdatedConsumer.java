package io.complexitynet.trainer.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.proto.v1.LabelsUpdated;
import io.complexitynet.service.resilience.TransientRetry;
import io.complexitynet.trainer.application.TrainingJobs;
import io.complexitynet.trainer.config.TrainerConfig;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Retrains when the labeler finishes a job, if configured to; a repeated event starts no second job. A database outage
 * is waited out; an event that fails on every delivery is parked by the queue's delivery limit
 * ({@link ParkedTrainingConsumer}) instead of blocking the queue.
 */
@ApplicationScoped
public class LabelsUpdatedConsumer {

    private static final Logger LOG = Logger.getLogger(LabelsUpdatedConsumer.class);

    @Inject TrainingJobs jobs;
    @Inject TrainerConfig config;
    @Inject TransientRetry retry;

    @Incoming("labels-updated")
    // Not ordered: on an ordered worker the broker's confirm of the training request sent below never arrived (30 s
    // timeout). Events still come one at a time, in order: the channel's max-outstanding-messages is 1.
    @Blocking(ordered = false)
    @ActivateRequestContext
    public void consume(byte[] payload) throws InvalidProtocolBufferException {
        LabelsUpdated event = LabelsUpdated.parseFrom(payload);
        if (!config.retrainOnLabelsUpdated()) {
            LOG.debugf("labels-updated for labelling job %s: retraining is off", event.getJobId());
            return;
        }
        try {
            retry.run("starting a retraining", () -> jobs.retrain(event.getJobId()));
        } catch (RequestRefused e) {
            if (e.kind() != RequestRefused.Kind.NOT_FOUND && e.kind() != RequestRefused.Kind.INVALID_ARGUMENT) {
                throw e;
            }
            // Redelivering cannot make the job trainable: the event would only wait out the delivery limit, holding
            // back every later one (one at a time), to be parked.
            LOG.warnf("labels-updated for labelling job %s dropped, nothing to train: %s", event.getJobId(), e.getMessage());
        }
    }
}
