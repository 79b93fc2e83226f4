package io.complexitynet.trainer.messaging;

import io.complexitynet.proto.v1.TrainingWork;
import io.complexitynet.service.messaging.ProtobufMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Queues training jobs: returns once the broker confirmed the message. */
@ApplicationScoped
public class TrainingRequests {

    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);

    @Inject @Channel("training-requests-out") MutinyEmitter<byte[]> out;

    public void send(TrainingWork work) {
        out.sendMessage(ProtobufMessages.of(work, "training/" + work.getJobId())).await().atMost(CONFIRM_TIMEOUT);
    }
}
