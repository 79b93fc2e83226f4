package io.complexitynet.verifier.grpc;

import io.complexitynet.proto.v1.VerifierGrpc;
import io.complexitynet.proto.v1.VerifyRequest;
import io.complexitynet.proto.v1.VerifyResponse;
import io.complexitynet.service.grpc.GrpcApi;
import io.complexitynet.verifier.application.WireVerification;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;

/**
 * The Verifier gRPC API: judges the batch and answers, or turns the refusal into a status. Every call needs a
 * bearer token with the realm role {@value #CALLER_ROLE} (unless complexitynet.auth.enabled is false); the
 * router's service account holds it.
 */
@GrpcService
@RolesAllowed(VerifierGrpcService.CALLER_ROLE)
public class VerifierGrpcService implements io.complexitynet.proto.v1.Verifier {

    static final String CALLER_ROLE = "verifier-caller";
    private static final GrpcApi API = new GrpcApi(VerifierGrpc.SERVICE_NAME, CALLER_ROLE, "verifier");

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
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(API.status(e, "judging batch " + batchId));
        }
    }
}
