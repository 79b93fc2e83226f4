package io.complexitynet.trainer.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import io.complexitynet.proto.v1.TrainingWork;
import io.complexitynet.service.resilience.TransientRetry;
import io.complexitynet.trainer.application.TrainingRun;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Runs one training job per message from the "training-requests" queue. The message is acknowledged
 * only after the job's outcome is stored, so a crash mid-training redelivers it and the job runs
 * again from the start (training is deterministic; the job stores at most one model). A database outage is
 * waited out around the run's database steps (in {@link TrainingRun}), so redelivery is spent only on a job that
 * fails for itself; each failed delivery's error is kept on the job, and a job that keeps failing is parked by the
 * queue's delivery limit and failed with that error by {@link ParkedTrainingConsumer}.
 */
@ApplicationScoped
public class TrainingRequestConsumer {

    private static final Logger LOG = Logger.getLogger(TrainingRequestConsumer.class);

    @Inject TrainingRun run;
    @Inject TransientRetry retry;

    @Incoming("training-requests")
    @Blocking(ordered = false)
    @ActivateRequestContext
    public void consume(byte[] payload) throws InvalidProtocolBufferException {
        String jobId = TrainingWork.parseFrom(payload).getJobId();
        try {
            run.run(jobId);
        } catch (RuntimeException e) {
            LOG.warnf(e, "training_job_id=%s failed, will be retried: %s", jobId, e.getMessage());
            retry.run("recording a failed training attempt", () -> run.recordFailedAttempt(jobId, e));
            throw e;
        }
    }
}
