package io.complexitynet.trainer.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import io.complexitynet.proto.v1.TrainingWork;
import io.complexitynet.service.messaging.ParkedMessages;
import io.complexitynet.service.resilience.TransientRetry;
import io.complexitynet.trainer.application.TrainingRun;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A training request the broker parked after its delivery limit: its job fails with the reason, visibly. */
@ApplicationScoped
public class ParkedTrainingConsumer {

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
}
