package io.complexitynet.router.verification;

import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.proto.v1.Candidate;
import io.complexitynet.proto.v1.CandidateResult;
import io.complexitynet.proto.v1.CheckTestsRequest;
import io.complexitynet.proto.v1.ResourceLimits;
import io.complexitynet.proto.v1.VerifierGrpc;
import io.complexitynet.proto.v1.VerifyRequest;
import io.complexitynet.router.config.RouterConfig;
import io.complexitynet.router.domain.AnswerJudge;
import io.complexitynet.router.domain.Cascade;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The request's tests run by the verifier-service over gRPC. Tests the verifier cannot run are the
 * caller's mistake (INVALID_ARGUMENT); a verifier that cannot be asked (down, restarting, refusing the router's
 * token) fails the request with UNAVAILABLE naming why: before generation nothing runs, after it the models that
 * answered are charged and the cascade stops, since stepping up would pay more models whose answers cannot be
 * verified either. Every call carries the router's own token ({@link ServiceAccountToken}).
 */
@ApplicationScoped
public class VerifierClient {

    private static final Logger LOG = Logger.getLogger(VerifierClient.class);
    private static final Pattern QUALIFIED_CLASS = Pattern.compile("^(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*(?::|$)");

    @Inject @GrpcClient("verifier") @RegisterClientInterceptor(ServiceAccountToken.class) VerifierGrpc.VerifierBlockingStub verifier;
    @Inject RouterConfig config;

    /**
     * Refuses setup code or tests the verifier cannot parse (INVALID_ARGUMENT), and any request while the verifier
     * cannot be asked (UNAVAILABLE), before any model is paid to answer.
     */
    public void checkTests(String setupCode, List<String> tests) {
        try {
            verifier.checkTests(CheckTestsRequest.newBuilder().setSetupCode(setupCode).addAllTests(tests).build());
        } catch (StatusRuntimeException e) {
            throw refusal(e, "nothing was generated");
        }
    }

    /**
     * Refuses example calls the verifier cannot parse (INVALID_ARGUMENT naming the examples) and any request while the
     * verifier cannot be asked (UNAVAILABLE), before any model is paid to answer: the scored cascade could judge nothing.
     */
    public void checkProbe(List<String> statements) {
        try {
            verifier.checkTests(CheckTestsRequest.newBuilder().addAllTests(statements).build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                throw RequestRefused.invalidArgument("examples", "the example calls taken from the prompt and the examples cannot be run: "
                        + e.getStatus().getDescription());
            }
            throw refusal(e, "nothing was generated");
        }
    }

    private static RequestRefused refusal(StatusRuntimeException e, String consequence) {
        if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
            return new RequestRefused(RequestRefused.Kind.INVALID_ARGUMENT, "the verifier cannot run these tests: "
                    + e.getStatus().getDescription());
        }
        LOG.warnf("the verifier could not be asked: %s", e.getStatus());
        return RequestRefused.unavailable("the verifier could not be asked to run this request's tests ("
                + e.getStatus().getCode() + ": " + why(e.getStatus()) + "); " + consequence + "; try again");
    }

    /**
     * Why a call failed, in words for the caller: a call that never reached the verifier (connection refused) carries
     * its cause, not a description, and the client names the exception class in either; the class stays in the log.
     */
    static String why(Status status) {
        String why = status.getDescription() != null ? status.getDescription()
                : status.getCause() == null ? null : status.getCause().getMessage();
        String words = why == null ? "" : QUALIFIED_CLASS.matcher(why).replaceFirst("").strip();
        return words.isEmpty() ? "no reason given" : words;
    }

    public Cascade.Checker checker(String requestId, String setupCode, List<String> tests, List<String> provides) {
        return code -> {
            long start = System.nanoTime();
            CandidateResult result = verify(requestId, code, setupCode, tests, provides,
                    "the answers generated so far are charged, not returned unverified");
            return new Cascade.Checked(verdictName(result), (System.nanoTime() - start) / 1_000_000);
        };
    }

    /**
     * The scored cascade's test-free runs: an answer with its probe's statements as tests, no setup, in the same sandbox
     * and with the same limits as verification. A verifier that cannot be asked stops the cascade as it does there.
     */
    public AnswerJudge.Sandbox sandbox(String requestId) {
        return (code, statements) -> {
            long start = System.nanoTime();
            CandidateResult result = verify(requestId, code, "", statements, List.of(),
                    "the answers generated so far are charged; no other model is asked while an answer cannot be judged");
            return new AnswerJudge.Ran(verdictName(result), result.getTestIndex(), (System.nanoTime() - start) / 1_000_000);
        };
    }

    private CandidateResult verify(String requestId, String code, String setupCode, List<String> tests, List<String> provides,
                                   String consequence) {
        VerifyRequest request = VerifyRequest.newBuilder().setBatchId(requestId).addCandidates(Candidate.newBuilder()
                .setCandidateId("0").setCode(code).setSetupCode(setupCode).addAllTests(tests).addAllProvides(provides)
                .setLimits(ResourceLimits.newBuilder().setWallTimeMillis(config.verifyWallTime().toMillis()))).build();
        try {
            return verifier.verify(request).getResults(0);
        } catch (StatusRuntimeException e) {
            throw refusal(e, consequence);
        }
    }

    private static String verdictName(CandidateResult result) {
        return result.getVerdict().name().replace("VERDICT_", "");
    }
}
