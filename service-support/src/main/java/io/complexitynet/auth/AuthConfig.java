package io.complexitynet.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The services' shared auth settings; the README's configuration table explains each. */
@ConfigMapping(prefix = "complexitynet.auth")
public interface AuthConfig {

    /**
     * Whether gRPC calls need a bearer token with the API's role. Off only where every caller is in the
     * same JVM (the embedded mode): then anyone who can reach the port can call everything.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * Whether auth may be off without an acknowledgement while the server listens on a loopback address only:
     * true in the embedded mode, false in every deployed service.
     */
    @WithDefault("false")
    boolean offOnLoopback();

    /** The phrase {@link AuthOffPolicy#ACKNOWLEDGEMENT}: lets auth be off anywhere. The manifests never set it. */
    Optional<String> offAcknowledgement();

    /**
     * The clients ({@code azp}) whose tokens this service accepts: people's CLI for the operators' and tenants'
     * APIs, the router's own client for the verifier. A token from any other client is refused, even one for this
     * service's audience with the right role.
     */
    @WithDefault("complexitynet-cli")
    Set<String> acceptedClients();

    /** The role each gRPC service needs, by full service name (e.g. complexitynet.v1.Labeler), for refusals that name it. */
    Map<String, String> roles();
}
