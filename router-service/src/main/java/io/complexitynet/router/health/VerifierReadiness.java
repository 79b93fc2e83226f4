package io.complexitynet.router.health;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.complexitynet.router.verification.ServiceAccountToken;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the verifier answers: every request with tests needs it, before any model runs and for every answer.
 * Asked with the gRPC health protocol on the router's own verifier channel (same address and TLS as Verify; no
 * token, the protocol is open, so Keycloak's state does not enter), one small call per probe, never a Verify. A router whose tenants mostly send no tests
 * may keep serving those through a verifier outage by turning this check off
 * ({@code quarkus.smallrye-health.check."io.complexitynet.router.health.VerifierReadiness".enabled=false}); tested
 * requests are then refused with UNAVAILABLE naming the verifier.
 */
@Readiness
@ApplicationScoped
public class VerifierReadiness implements HealthCheck {

    // Well inside a readiness probe's own timeout (Kubernetes' default: 1 s), so a verifier that does not answer is
    // reported DOWN with its reason rather than the probe timing out.
    private static final long DEADLINE_MILLIS = 500;

    // The verifier channel's interceptor is registered on every stub of it; it sends no token on health calls.
    @Inject @GrpcClient("verifier") @RegisterClientInterceptor(ServiceAccountToken.class) HealthGrpc.HealthBlockingStub verifier;

    @Override
    public HealthCheckResponse call() {
        try {
            ServingStatus status = verifier.withDeadlineAfter(DEADLINE_MILLIS, TimeUnit.MILLISECONDS)
                    .check(HealthCheckRequest.getDefaultInstance()).getStatus();
            return status == ServingStatus.SERVING ? up()
                    : HealthCheckResponse.named("verifier").down().withData("reason", "the verifier reports " + status).build();
        } catch (StatusRuntimeException e) {
            // A verifier without the health service still answered: it is there.
            if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                return up();
            }
            return HealthCheckResponse.named("verifier").down()
                    .withData("reason", "the verifier cannot be reached (" + e.getStatus().getCode() + ": " + why(e.getStatus()) + ")")
                    .build();
        }
    }

    private static HealthCheckResponse up() {
        return HealthCheckResponse.named("verifier").up().build();
    }

    private static String why(Status status) {
        if (status.getDescription() != null) {
            return status.getDescription();
        }
        return status.getCause() == null ? "no reason given" : status.getCause().toString();
    }
}
