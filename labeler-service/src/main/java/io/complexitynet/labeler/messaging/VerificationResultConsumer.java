package io.complexitynet.labeler.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import io.complexitynet.labeler.application.LabelingWorkflow;
import io.complexitynet.proto.v1.VerifyResponse;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Records the verifier's verdicts from "verification-results"; acknowledged once they are committed. */
@ApplicationScoped
public class VerificationResultConsumer {

    @Inject LabelingWorkflow workflow;

    @Incoming("verification-results")
    @Blocking(ordered = false)
    @ActivateRequestContext
    public void consume(byte[] payload) throws InvalidProtocolBufferException {
        workflow.recordResults(VerifyResponse.parseFrom(payload));
    }
}
