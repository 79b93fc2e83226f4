package io.complexitynet.auth;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.grpc.StatusException;
import io.quarkus.grpc.auth.AuthExceptionHandler;
import io.quarkus.grpc.auth.AuthExceptionHandlerProvider;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Replaces quarkus-grpc's mapping of security failures, which turns a call without a token into
 * PERMISSION_DENIED and, outside dev and test mode, drops the description: here a missing or rejected
 * token is UNAUTHENTICATED, a missing role PERMISSION_DENIED naming the role, each with a sentence
 * from {@link AuthFailures}. An alternative, so that quarkus-grpc, which looks this provider up as the
 * one bean of its type, gets it.
 */
@Alternative
@Priority(1)
@Singleton
class AuthFailureStatuses implements AuthExceptionHandlerProvider {

    @Inject AuthConfig config;

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1;
    }

    @Override
    public <ReqT, RespT> AuthExceptionHandler<ReqT, RespT> createHandler(ServerCall.Listener<ReqT> listener,
            ServerCall<ReqT, RespT> call, Metadata metadata) {
        String api = call.getMethodDescriptor().getServiceName();
        return new AuthExceptionHandler<>(listener, call, metadata) {
            @Override
            protected void handleException(Throwable error, ServerCall<ReqT, RespT> serverCall, Metadata trailers) {
                if (handlesException(error)) {
                    serverCall.close(AuthFailures.status(error, api, Optional.ofNullable(config.roles().get(api))), trailers);
                } else {
                    super.handleException(error, serverCall, trailers);
                }
            }
        };
    }

    @Override
    public boolean handlesException(Throwable error) {
        return AuthFailures.isAuthFailure(error);
    }

    // Here the call is not known: with one API in this process its role is named, with several all are listed.
    @Override
    public StatusException transformToStatusException(Throwable error) {
        if (config.roles().size() == 1) {
            Map.Entry<String, String> only = config.roles().entrySet().iterator().next();
            return AuthFailures.status(error, only.getKey(), Optional.of(only.getValue())).asException();
        }
        Status status = AuthFailures.status(error, "called", Optional.empty());
        if (status.getCode() == Status.Code.PERMISSION_DENIED && !config.roles().isEmpty()) {
            status = status.withDescription(status.getDescription() + " (" + new TreeMap<>(config.roles()) + ")");
        }
        return status.asException();
    }
}
