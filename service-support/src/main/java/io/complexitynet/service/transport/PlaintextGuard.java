package io.complexitynet.service.transport;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Applies {@link PlaintextPolicy} at start, right after the auth guard: a refused configuration stops the process
 * with the reason. The metric {@code complexitynet_plaintext_listener} (1 plaintext, 0 TLS only) lets an alert
 * watch for a service that answers without TLS.
 */
@ApplicationScoped
class PlaintextGuard {

    private static final Logger LOG = Logger.getLogger(PlaintextGuard.class);

    @Inject TransportConfig config;
    @Inject @ConfigProperty(name = "quarkus.http.host") String host;
    @Inject @ConfigProperty(name = "quarkus.http.insecure-requests", defaultValue = "enabled") String insecureRequests;
    @Inject MeterRegistry registry;

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 5) StartupEvent started) {
        PlaintextPolicy.Decision decision = PlaintextPolicy.decide(host, insecureRequests, config.plaintextAcknowledgement());
        Gauge.builder("complexitynet_plaintext_listener", () -> decision.plaintext() ? 1 : 0)
                .description("1 when the service answers gRPC without TLS, 0 when it serves TLS only").register(registry);
        switch (decision.outcome()) {
            case TLS_ONLY, PLAINTEXT_ON_LOOPBACK -> LOG.info(decision.reason());
            case PLAINTEXT_ACKNOWLEDGED -> LOG.warnf("PLAINTEXT: %s", decision.reason());
            case REFUSED -> throw new IllegalStateException(decision.reason());
        }
    }
}
