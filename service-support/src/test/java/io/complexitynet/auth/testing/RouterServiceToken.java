package io.complexitynet.auth.testing;

import io.complexitynet.core.testing.KeycloakRealm;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends the router's service-account token (client credentials of client router-service, role verifier-caller)
 * with every call, as the router does when it calls the verifier. Renewed shortly before it expires, so
 * benchmarks longer than a token's life keep working. A bean for {@code @RegisterClientInterceptor}.
 */
@ApplicationScoped
public class RouterServiceToken implements ClientInterceptor {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private record Issued(String jwt, Instant renewAt) {
    }

    private Issued issued;

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method, CallOptions options,
            Channel next) {
        return Bearer.token(jwt()).interceptCall(method, options, next);
    }

    private synchronized String jwt() {
        if (issued == null || !Instant.now().isBefore(issued.renewAt())) {
            String jwt = KeycloakRealm.clientCredentialsToken(KeycloakRealm.ROUTER_SERVICE_CLIENT, KeycloakRealm.ROUTER_SERVICE_SECRET);
            Instant expiry = Instant.ofEpochSecond(KeycloakRealm.claims(jwt).path("exp").asLong());
            issued = new Issued(jwt, expiry.minus(RENEW_BEFORE_EXPIRY));
        }
        return issued.jwt();
    }
}
