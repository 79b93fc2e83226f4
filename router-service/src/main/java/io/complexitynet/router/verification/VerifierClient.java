package io.complexitynet.router.verification;

import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.proto.v1.Candidate;
import io.complexitynet.proto.v1.CandidateResult;
import io.complexitynet.proto.v1.CheckTestsRequest;
import io.complexitynet.proto.v1.ResourceLimits;
import io.complexitynet.proto.v1.VerifierGrpc;
import io.complexitynet.proto.v1.VerifyRequest;
import io.complexitynet.router.config.RouterConfig;
import io.complexitynet.router.domain.Cascade;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The request's tests run by the verifier-service over gRPC. Tests the verifier cannot run are the
 * caller's mistake; a verifier that is unavailable gives a VERIFIER_* verdict naming why, so the
 * cascade steps up rather than failing the request. Every call carries the router's own token
 * ({@link ServiceAccountToken}).
 */
@ApplicationScoped
public class VerifierClient {

    private static final Logger LOG = Logger.getLogger(VerifierClient.class);

    @Inject @GrpcClient("verifier") @RegisterClientInterceptor(ServiceAccountToken.class) VerifierGrpc.VerifierBlockingStub verifier;
    @Inject RouterConfig config;

    /**
     * Refuses (INVALID_ARGUMENT) setup code or tests the verifier cannot parse, before any model is paid to answer.
     * A verifier that cannot be asked leaves them to the verification after generation, as before this check.
     */
    public void checkTests(String setupCode, List<String> tests) {
        try {
            verifier.checkTests(CheckTestsRequest.newBuilder().setSetupCode(setupCode).addAllTests(tests).build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                throw cannotRun(e);
            }
            LOG.warnf("tests not checked before generation, the verifier answered %s", e.getStatus());
        }
    }

    private static RequestRefused cannotRun(StatusRuntimeException e) {
        return new RequestRefused(RequestRefused.Kind.INVALID_ARGUMENT, "the verifier cannot run these tests: "
                + e.getStatus().getDescription());
    }

    public Cascade.Checker checker(String requestId, String setupCode, List<String> tests, List<String> provides) {
        return code -> {
            long start = System.nanoTime();
            VerifyRequest request = VerifyRequest.newBuilder().setBatchId(requestId).addCandidates(Candidate.newBuilder()
                    .setCandidateId("0").setCode(code).setSetupCode(setupCode).addAllTests(tests).addAllProvides(provides)
                    .setLimits(ResourceLimits.newBuilder().setWallTimeMillis(config.verifyWallTime().toMillis()))).build();
            String verdict;
            try {
                CandidateResult result = verifier.verify(request).getResults(0);
                verdict = result.getVerdict().name().replace("VERDICT_", "");
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                    throw cannotRun(e);
                }
                verdict = "VERIFIER_" + e.getStatus().getCode().name();
            }
            return new Cascade.Checked(verdict, (System.nanoTime() - start) / 1_000_000);
        };
    }
}
