package io.complexitynet.verifier.grpc;

import io.complexitynet.proto.v1.CheckTestsRequest;
import io.complexitynet.proto.v1.CheckTestsResponse;
import io.complexitynet.proto.v1.VerifyRequest;
import io.complexitynet.proto.v1.VerifyResponse;
import io.complexitynet.service.grpc.ServiceApis;
import io.complexitynet.verifier.application.WireVerification;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/**
 * The Verifier gRPC API: judges the batch and answers, or turns the refusal into a status. Every call needs a
 * bearer token with the verifier role {@value ServiceApis#VERIFIER_ROLE} (unless complexitynet.auth.enabled is false); the
 * router's service account holds it.
 */
@GrpcService
@RolesAllowed(ServiceApis.VERIFIER_ROLE)
public class VerifierGrpcService implements io.complexitynet.proto.v1.Verifier {

    @Inject WireVerification verification;

    @Override
    @Blocking
    public Uni<VerifyResponse> verify(VerifyRequest request) {
        String batchId = WireVerification.batchId(request);
        try {
            return Uni.createFrom().item(verification.verify(request, batchId, "grpc"));
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(ServiceApis.VERIFIER.status(e, "judging batch " + batchId));
        }
    }

    @Override
    @Blocking
    public Uni<CheckTestsResponse> checkTests(CheckTestsRequest request) {
        return ServiceApis.VERIFIER.answer(() -> verification.checkTests(request));
    }
}
