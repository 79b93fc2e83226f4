package io.complexitynet.verifier.grpc;

import io.complexitynet.proto.v1.VerifyRequest;
import io.complexitynet.proto.v1.VerifyResponse;
import io.complexitynet.verifier.domain.CandidateResult;
import io.complexitynet.verifier.domain.Limits;
import io.complexitynet.verifier.domain.Verifier;
import io.complexitynet.verifier.domain.VerifierException;
import io.complexitynet.verifier.metrics.VerifierMetrics;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The Verifier gRPC API: maps the request, asks the domain, maps the answer or the error. */
@GrpcService
public class VerifierGrpcService implements io.complexitynet.proto.v1.Verifier {

    private static final Logger LOG = Logger.getLogger(VerifierGrpcService.class);

    private final Verifier verifier;
    private final Limits defaultLimits;
    private final VerifierMetrics metrics;

    VerifierGrpcService(Verifier verifier, Limits defaultLimits, VerifierMetrics metrics) {
        this.verifier = verifier;
        this.defaultLimits = defaultLimits;
        this.metrics = metrics;
    }

    @Override
    @Blocking
    public Uni<VerifyResponse> verify(VerifyRequest request) {
        String batchId = request.getBatchId().isEmpty() ? UUID.randomUUID().toString() : request.getBatchId();
        long started = System.nanoTime();
        try {
            List<CandidateResult> results = verifier.verify(VerifyMapping.candidates(request, defaultLimits));
            results.forEach(metrics::recordResult);
            long passed = results.stream().filter(CandidateResult::passed).count();
            LOG.infof("batch_id=%s candidates=%d passed=%d millis=%d", batchId, results.size(), passed,
                    (System.nanoTime() - started) / 1_000_000);
            return Uni.createFrom().item(VerifyMapping.response(batchId, results));
        } catch (VerifierException e) {
            metrics.recordRejection(e);
            LOG.infof("batch_id=%s rejected: %s", batchId, e.getMessage());
            return Uni.createFrom().failure(GrpcErrors.status(e).asRuntimeException());
        } catch (RuntimeException e) {
            LOG.errorf(e, "batch_id=%s failed unexpectedly", batchId);
            return Uni.createFrom().failure(Status.INTERNAL
                    .withDescription("internal error judging batch " + batchId + "; see the verifier's logs")
                    .asRuntimeException());
        }
    }
}
