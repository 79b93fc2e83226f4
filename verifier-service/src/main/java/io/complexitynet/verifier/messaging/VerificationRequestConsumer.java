package io.complexitynet.verifier.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import io.complexitynet.proto.v1.VerifyRequest;
import io.complexitynet.proto.v1.VerifyResponse;
import io.complexitynet.service.messaging.ProtobufMessages;
import io.complexitynet.verifier.application.WireVerification;
import io.complexitynet.verifier.domain.InvalidRequestException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * The verifier on the broker: a VerifyRequest from "verification-requests" is judged like a gRPC
 * call and answered with a VerifyResponse of the same batch id on "verification-results". The
 * request is acknowledged only when the broker has confirmed the answer, so a verifier killed
 * mid-batch leaves the request to be redelivered. A batch the verifier refuses is answered with
 * the reason rather than retried: it would be refused again.
 */
@ApplicationScoped
public class VerificationRequestConsumer {

    @Inject WireVerification verification;

    @Incoming("verification-requests")
    @Outgoing("verification-results-out")
    @Blocking(ordered = false)
    public Message<byte[]> verify(Message<byte[]> incoming) throws InvalidProtocolBufferException {
        VerifyRequest request = VerifyRequest.parseFrom(incoming.getPayload());
        String batchId = WireVerification.batchId(request);
        VerifyResponse response;
        try {
            response = verification.verify(request, batchId, "broker");
        } catch (InvalidRequestException e) {
            response = VerifyResponse.newBuilder().setBatchId(batchId).setRejection(e.getMessage()).build();
        }
        return ProtobufMessages.answering(incoming, response, batchId);
    }
}
