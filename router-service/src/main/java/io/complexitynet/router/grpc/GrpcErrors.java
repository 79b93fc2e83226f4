package io.complexitynet.router.grpc;

import io.complexitynet.auth.AuthFailures;
import io.complexitynet.proto.v1.RouterGrpc;
import io.complexitynet.router.domain.RouteRefused;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The one place the router's refusals become gRPC statuses, auth failures included; anything unexpected is INTERNAL without a trace. */
final class GrpcErrors {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    static StatusRuntimeException toStatus(Throwable error) {
        if (error instanceof RouteRefused refused) {
            Status status = switch (refused.kind()) {
                case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
                case PERMISSION_DENIED -> Status.PERMISSION_DENIED;
                case BUDGET_EXHAUSTED -> Status.RESOURCE_EXHAUSTED;
                case UNAVAILABLE -> Status.UNAVAILABLE;
            };
            return status.withDescription(refused.getMessage()).asRuntimeException();
        }
        if (AuthFailures.isAuthFailure(error)) {
            return AuthFailures.status(error, RouterGrpc.SERVICE_NAME, Optional.of(RouterGrpcService.ROUTER_ROLE)).asRuntimeException();
        }
        LOG.error("unexpected failure in the Router API", error);
        return Status.INTERNAL.withDescription("internal error; see the router's logs").asRuntimeException();
    }
}
