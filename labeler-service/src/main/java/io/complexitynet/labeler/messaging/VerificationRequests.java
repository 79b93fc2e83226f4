package io.complexitynet.labeler.messaging;

import io.complexitynet.proto.v1.VerifyRequest;
import io.complexitynet.service.messaging.ProtobufMessages;
import io.complexitynet.service.resilience.TransientRetry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Sends a batch to the verifier on "verification-requests" and returns once the broker has confirmed it; a broker
 * outage is waited out ({@link TransientRetry}).
 */
@ApplicationScoped
public class VerificationRequests {

    @Inject TransientRetry retry;
    @Inject @Channel("verification-requests-out") MutinyEmitter<byte[]> requests;

    public void send(VerifyRequest request) {
        retry.run("sending for verification", () -> requests.sendMessageAndAwait(ProtobufMessages.of(request, request.getBatchId())));
    }
}
