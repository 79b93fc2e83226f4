package io.complexitynet.service.grpc;

import io.complexitynet.auth.AuthFailures;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.service.resilience.TransientFailures;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One service's gRPC API as its callers see its failures, and the one place those become statuses:
 * a {@link RequestRefused} by its kind with its sentence, a security refusal saying what to change, a
 * dependency that cannot be reached (the database restarting) UNAVAILABLE, anything else INTERNAL without a
 * trace (the trace goes to this service's log).
 *
 * @param name    the gRPC service, e.g. {@code complexitynet.v1.Labeler}
 * @param role    the role its calls need
 * @param service whose logs hold the details, e.g. {@code labeler}
 */
public record GrpcApi(String name, String role, String service) {

    private static final Logger LOG = Logger.getLogger(GrpcApi.class);

    /** Runs the call's work now and answers its result, or the status its failure maps to. */
    public <T> Uni<T> answer(Supplier<T> work) {
        try {
            return Uni.createFrom().item(work.get());
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(status(e));
        }
    }

    public StatusRuntimeException status(Throwable error) {
        return status(error, "");
    }

    /** @param doing what the call was doing, for the log and an INTERNAL status (e.g. "judging batch 7"); may be empty */
    public StatusRuntimeException status(Throwable error, String doing) {
        if (error instanceof RequestRefused refused) {
            return code(refused.kind()).withDescription(refused.getMessage()).asRuntimeException();
        }
        if (AuthFailures.isAuthFailure(error)) {
            return AuthFailures.status(error, name, Optional.of(role)).asRuntimeException();
        }
        String context = doing.isEmpty() ? "" : " " + doing;
        if (TransientFailures.isTransient(error)) {
            LOG.warnf("the %s API%s: a dependency is unavailable: %s", name, context, error.getMessage());
            return Status.UNAVAILABLE.withDescription("the " + service + " cannot reach its database or a service it depends on"
                    + context + "; retry later").asRuntimeException();
        }
        LOG.errorf(error, "unexpected failure in the %s API%s", name, context);
        return Status.INTERNAL.withDescription("internal error" + context + "; see the " + service + "'s logs").asRuntimeException();
    }

    private static Status code(RequestRefused.Kind kind) {
        return switch (kind) {
            case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
            case NOT_FOUND -> Status.NOT_FOUND;
            case ALREADY_EXISTS -> Status.ALREADY_EXISTS;
            case WRONG_STATE -> Status.FAILED_PRECONDITION;
            case EXHAUSTED -> Status.RESOURCE_EXHAUSTED;
            case PERMISSION_DENIED -> Status.PERMISSION_DENIED;
            case UNAVAILABLE -> Status.UNAVAILABLE;
        };
    }
}
