package io.complexitynet.verifier.grpc;

import io.complexitynet.proto.v1.VerifyRequest;
import io.complexitynet.proto.v1.VerifyResponse;
import io.complexitynet.verifier.domain.VerifierException;
import io.complexitynet.verifier.wire.WireVerification;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

/** The Verifier gRPC API: judges the batch and answers, or turns the refusal into a status. */
@GrpcService
public class VerifierGrpcService implements io.complexitynet.proto.v1.Verifier {

    private static final Logger LOG = Logger.getLogger(VerifierGrpcService.class);

    private final WireVerification verification;

    VerifierGrpcService(WireVerification verification) {
        this.verification = verification;
    }

    @Override
    @Blocking
    public Uni<VerifyResponse> verify(VerifyRequest request) {
        String batchId = WireVerification.batchId(request);
        try {
            return Uni.createFrom().item(verification.verify(request, batchId, "grpc"));
        } catch (VerifierException e) {
            return Uni.createFrom().failure(GrpcErrors.status(e).asRuntimeException());
        } catch (RuntimeException e) {
            LOG.errorf(e, "batch_id=%s failed unexpectedly", batchId);
            return Uni.createFrom().failure(Status.INTERNAL
                    .withDescription("internal error judging batch " + batchId + "; see the verifier's logs")
                    .asRuntimeException());
        }
    }
}
