package io.complexitynet.labeler.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import io.complexitynet.labeler.application.LabelingWorkflow;
import io.complexitynet.proto.v1.VerifyResponse;
import io.complexitynet.service.resilience.TransientRetry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Records the verifier's verdicts from "verification-results"; acknowledged once they are committed. A database
 * outage is waited out here ({@link TransientRetry}) rather than by redelivery, which would use up the queue's
 * delivery limit within seconds and park good results.
 */
@ApplicationScoped
public class VerificationResultConsumer {

    @Inject LabelingWorkflow workflow;
    @Inject TransientRetry retry;
    @Inject VerificationRequests verificationRequests;

    @Incoming("verification-results")
    @Blocking(ordered = false)
    @ActivateRequestContext
    public void consume(byte[] payload) throws InvalidProtocolBufferException {
        VerifyResponse response = VerifyResponse.parseFrom(payload);
        // A batch sent again (its probes rejected) goes out after the rejection is recorded; a crash in between
        // redelivers the rejection, which sends it again.
        retry.call("recording verdicts", () -> workflow.recordResults(response)).ifPresent(verificationRequests::send);
    }
}
