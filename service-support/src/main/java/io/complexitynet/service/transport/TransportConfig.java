package io.complexitynet.service.transport;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** How the services' one port (gRPC, health, metrics) may be reached; the README's configuration table explains each. */
@ConfigMapping(prefix = "complexitynet.transport")
public interface TransportConfig {

    /** The phrase {@link PlaintextPolicy#ACKNOWLEDGEMENT}: lets a service serve plaintext on a non-loopback address. */
    Optional<String> plaintextAcknowledgement();
}
