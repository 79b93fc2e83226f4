package io.complexitynet.router.verification;

import grpc.health.v1.HealthGrpc;
import io.complexitynet.auth.AuthConfig;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusException;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Puts the router's own access token on every call to the verifier: client credentials of the Keycloak client
 * router-service (quarkus.oidc-client), whose service account holds the verifier's role verifier-caller; its tokens
 * carry the audience verifier-service only. The tenant's token is not passed on (it is not meant for the verifier):
 * the verifier trusts the router, not the router's callers.
 * <p>
 * The token is cached and reused until {@link #RENEW_BEFORE_EXPIRY} before it expires, not fetched per call: each
 * fetch is an HTTP round trip to Keycloak that costs more than judging a short answer, and one per call would make
 * Keycloak a bottleneck and a single point of failure of every routed request. One renewal runs at a time; calls
 * arriving meanwhile wait for it. A token the verifier refuses as UNAUTHENTICATED (e.g. the realm's keys were
 * rotated) is dropped, so the next call fetches a new one. With complexitynet.auth.enabled=false (the embedded mode,
 * whose verifier checks no token) nothing is fetched or sent; nor on the gRPC health protocol's calls (the readiness
 * check's), which need none and must not wait for Keycloak.
 */
@ApplicationScoped
public class ServiceAccountToken implements ClientInterceptor {

    private static final Logger LOG = Logger.getLogger(ServiceAccountToken.class);
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    // Leaves room for clock skew between router, verifier and Keycloak, and for the call in flight.
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);
    // A token endpoint that has not answered by then is down; the call, and the request, become UNAVAILABLE.
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    private final OidcClient client;
    private final boolean enabled;
    private Tokens tokens;

    ServiceAccountToken(OidcClient client, AuthConfig auth) {
        this.client = client;
        this.enabled = auth.enabled();
    }

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method, CallOptions options,
            Channel next) {
        if (!enabled || HealthGrpc.SERVICE_NAME.equals(method.getServiceName())) {
            return next.newCall(method, options);
        }
        return new ClientInterceptors.CheckedForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            protected void checkedStart(Listener<RespT> listener, Metadata headers) throws StatusException {
                String token = current();
                headers.put(AUTHORIZATION, "Bearer " + token);
                delegate().start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        if (status.getCode() == Status.Code.UNAUTHENTICATED) {
                            forget(token);
                        }
                        super.onClose(status, trailers);
                    }
                }, headers);
            }
        };
    }

    private synchronized String current() throws StatusException {
        if (tokens == null || renewalDue(tokens)) {
            try {
                tokens = client.getTokens().await().atMost(FETCH_TIMEOUT);
            } catch (RuntimeException e) {
                LOG.warnf("cannot get the router's token for the verifier: %s", e.getMessage());
                throw Status.UNAVAILABLE.withDescription("the identity provider gave the router no token for the verifier")
                        .withCause(e).asException();
            }
        }
        return tokens.getAccessToken();
    }

    // Keycloak always sends expires_in; without it the token is kept until the verifier refuses it.
    private static boolean renewalDue(Tokens tokens) {
        Long expiresAt = tokens.getAccessTokenExpiresAt();
        return expiresAt != null && !Instant.now().plus(RENEW_BEFORE_EXPIRY).isBefore(Instant.ofEpochSecond(expiresAt));
    }

    private synchronized void forget(String token) {
        if (tokens != null && tokens.getAccessToken().equals(token)) {
            tokens = null;
        }
    }
}
