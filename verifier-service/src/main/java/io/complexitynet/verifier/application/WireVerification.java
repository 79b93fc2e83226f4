package io.complexitynet.verifier.application;

import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.proto.v1.CheckTestsRequest;
import io.complexitynet.proto.v1.CheckTestsResponse;
import io.complexitynet.proto.v1.VerifyRequest;
import io.complexitynet.proto.v1.VerifyResponse;
import io.complexitynet.verifier.domain.CandidateResult;
import io.complexitynet.verifier.domain.Limits;
import io.complexitynet.verifier.domain.Verifier;
import io.complexitynet.verifier.metrics.VerifierMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A complexitynet.v1 VerifyRequest judged by the domain, whichever way it came in (gRPC or the
 * broker): mapped, verified, counted in the metrics and logged as one line. Refusals are thrown as
 * the domain's exceptions for the caller to answer in its own way.
 */
@ApplicationScoped
public class WireVerification {

    private static final Logger LOG = Logger.getLogger(WireVerification.class);

    @Inject Verifier verifier;
    @Inject Limits defaultLimits;
    @Inject VerifierMetrics metrics;

    /** The batch id the request gave, or a new one. */
    public static String batchId(VerifyRequest request) {
        return request.getBatchId().isEmpty() ? UUID.randomUUID().toString() : request.getBatchId();
    }

    public VerifyResponse verify(VerifyRequest request, String batchId, String via) {
        long started = System.nanoTime();
        try {
            List<CandidateResult> results = verifier.verify(VerifyMapping.candidates(request, defaultLimits));
            results.forEach(metrics::recordResult);
            long passed = results.stream().filter(CandidateResult::passed).count();
            LOG.infof("batch_id=%s via=%s candidates=%d passed=%d millis=%d", batchId, via, results.size(), passed,
                    (System.nanoTime() - started) / 1_000_000);
            return VerifyMapping.response(batchId, results);
        } catch (RequestRefused e) {
            metrics.recordRejection(e);
            LOG.infof("batch_id=%s via=%s rejected: %s", batchId, via, e.getMessage());
            throw e;
        }
    }

    /** Parses the request's setup and tests in the sandbox, running neither; refused when they do not parse. */
    public CheckTestsResponse checkTests(CheckTestsRequest request) {
        long started = System.nanoTime();
        try {
            verifier.checkTests(request.getSetupCode(), request.getTestsList(), defaultLimits);
            LOG.infof("tests checked via=grpc tests=%d millis=%d", request.getTestsCount(), (System.nanoTime() - started) / 1_000_000);
            return CheckTestsResponse.getDefaultInstance();
        } catch (RequestRefused e) {
            metrics.recordRejection(e);
            LOG.infof("tests checked via=grpc rejected: %s", e.getMessage());
            throw e;
        }
    }
}
