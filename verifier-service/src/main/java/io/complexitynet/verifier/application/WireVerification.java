package io.complexitynet.verifier.application;

import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.proto.v1.VerifyRequest;
import io.complexitynet.proto.v1.VerifyResponse;
import io.complexitynet.verifier.domain.CandidateResult;
import io.complexitynet.verifier.domain.Limits;
import io.complexitynet.verifier.domain.Verifier;
import io.complexitynet.verifier.metrics.VerifierMetrics;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final Verifier verifier;
    private final Limits defaultLimits;
    private final VerifierMetrics metrics;

    WireVerification(Verifier verifier, Limits defaultLimits, VerifierMetrics metrics) {
        this.verifier = verifier;
        this.defaultLimits = defaultLimits;
        this.metrics = metrics;
    }

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
}
