package io.complexitynet.auth.testing;

import io.complexitynet.core.testing.KeycloakRealm;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends admin-ops's access token (roles labeler-admin, trainer-admin, router-user) with every call, as an operator's grpcurl would.
 * The token is fetched from the realm once and again shortly before it expires, so long jobs keep working.
 * A bean for {@code @RegisterClientInterceptor}; tests outside Quarkus use {@code withInterceptors(new AdminToken())}.
 */
@ApplicationScoped
public class AdminToken implements ClientInterceptor {

    public static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final long RENEW_BEFORE_EXPIRY_SECONDS = 30;

    private String token;
    private long expiresAtEpochSecond;

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method, CallOptions options,
            Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<RespT> listener, Metadata headers) {
                headers.put(AUTHORIZATION, "Bearer " + current());
                super.start(listener, headers);
            }
        };
    }

    private synchronized String current() {
        if (token == null || System.currentTimeMillis() / 1000 >= expiresAtEpochSecond - RENEW_BEFORE_EXPIRY_SECONDS) {
            token = KeycloakRealm.passwordToken(KeycloakRealm.ADMIN_OPS);
            expiresAtEpochSecond = KeycloakRealm.claims(token).path("exp").asLong();
        }
        return token;
    }
}
