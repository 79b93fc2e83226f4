package io.complexitynet.verifier.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import io.complexitynet.proto.v1.VerifyRequest;
import io.complexitynet.proto.v1.VerifyResponse;
import io.complexitynet.verifier.domain.CandidateResult;
import io.complexitynet.verifier.domain.InvalidRequestException;
import io.complexitynet.verifier.domain.Limits;
import io.complexitynet.verifier.domain.Verifier;
import io.complexitynet.verifier.grpc.VerifyMapping;
import io.complexitynet.verifier.metrics.VerifierMetrics;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

/**
 * The verifier on the broker: a VerifyRequest from "verification-requests" is judged like a gRPC
 * call and answered with a VerifyResponse of the same batch id on "verification-results". The
 * request is acknowledged only when the broker has confirmed the answer, so a verifier killed
 * mid-batch leaves the request to be redelivered. A batch the verifier refuses is answered with
 * the reason rather than retried: it would be refused again.
 */
@ApplicationScoped
public class VerificationRequestConsumer {

    private static final Logger LOG = Logger.getLogger(VerificationRequestConsumer.class);
    private static final int PERSISTENT = 2;

    private final Verifier verifier;
    private final Limits defaultLimits;
    private final VerifierMetrics metrics;

    VerificationRequestConsumer(Verifier verifier, Limits defaultLimits, VerifierMetrics metrics) {
        this.verifier = verifier;
        this.defaultLimits = defaultLimits;
        this.metrics = metrics;
    }

    @Incoming("verification-requests")
    @Outgoing("verification-results")
    @Blocking(ordered = false)
    public Message<byte[]> verify(Message<byte[]> incoming) throws InvalidProtocolBufferException {
        VerifyRequest request = VerifyRequest.parseFrom(incoming.getPayload());
        long started = System.nanoTime();
        VerifyResponse response;
        try {
            List<CandidateResult> results = verifier.verify(VerifyMapping.candidates(request, defaultLimits));
            results.forEach(metrics::recordResult);
            response = VerifyMapping.response(request.getBatchId(), results);
            LOG.infof("batch_id=%s candidates=%d millis=%d (broker)", request.getBatchId(), results.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (InvalidRequestException e) {
            metrics.recordRejection(e);
            LOG.warnf("batch_id=%s rejected (broker): %s", request.getBatchId(), e.getMessage());
            response = VerifyResponse.newBuilder().setBatchId(request.getBatchId()).setRejection(e.getMessage()).build();
        }
        return incoming.withPayload(response.toByteArray()).addMetadata(OutgoingRabbitMQMetadata.builder()
                .withContentType("application/x-protobuf").withDeliveryMode(PERSISTENT)
                .withMessageId(request.getBatchId()).build());
    }
}
