package io.complexitynet.verifier.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import io.complexitynet.proto.v1.VerifyRequest;
import io.complexitynet.proto.v1.VerifyResponse;
import io.complexitynet.service.messaging.ParkedMessages;
import io.complexitynet.service.messaging.ProtobufMessages;
import io.complexitynet.verifier.application.WireVerification;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * A verification request the broker parked after its delivery limit (the verifier failed on it, or died with it,
 * on every delivery) is answered with a rejection on "verification-results", so the task it belongs to is parked
 * with that reason where an operator sees it rather than waiting in a queue nobody reads. Not run again here: it
 * would fail again. Acknowledged once the broker has confirmed the answer.
 */
@ApplicationScoped
public class ParkedRequestConsumer {

    private static final Logger LOG = Logger.getLogger(ParkedRequestConsumer.class);
    static final String QUEUE = "verification-requests.parked";

    @Inject ParkedMessages parked;
    @Inject @Channel("parked-results-out") MutinyEmitter<byte[]> results;

    // Not blocking: the send completes on the event loop, which a worker thread awaiting it could keep from running.
    @Incoming("verification-requests-parked")
    public Uni<Void> reject(byte[] payload) {
        parked.taken(QUEUE);
        VerifyRequest request;
        try {
            request = VerifyRequest.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            LOG.errorf("a parked verification request is not a VerifyRequest (%d bytes); dropped", payload.length);
            return Uni.createFrom().voidItem();
        }
        String batchId = WireVerification.batchId(request);
        LOG.warnf("batch_id=%s parked after its delivery limit; answered with a rejection", batchId);
        VerifyResponse response = VerifyResponse.newBuilder().setBatchId(batchId)
                .setRejection("the verifier failed on this batch on every delivery (" + QUEUE + ")").build();
        return results.sendMessage(ProtobufMessages.of(response, batchId));
    }
}
