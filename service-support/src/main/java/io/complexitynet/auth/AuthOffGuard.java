package io.complexitynet.auth;

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
 * Applies {@link AuthOffPolicy} before anything else starts: a refused configuration stops the process with
 * the reason. Whether auth is on is also a metric, {@code complexitynet_auth_enabled} (1 on, 0 off), so an
 * alert can watch for a service that runs open.
 */
@ApplicationScoped
class AuthOffGuard {

    private static final Logger LOG = Logger.getLogger(AuthOffGuard.class);

    @Inject AuthConfig config;
    @Inject @ConfigProperty(name = "quarkus.http.host") String host;
    @Inject MeterRegistry registry;

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 10) StartupEvent started) {
        AuthOffPolicy.Decision decision = AuthOffPolicy.decide(config.enabled(), config.offOnLoopback(), host, config.offAcknowledgement());
        Gauge.builder("complexitynet_auth_enabled", () -> config.enabled() ? 1 : 0)
                .description("1 when gRPC calls need a bearer token, 0 when auth is off").register(registry);
        switch (decision.outcome()) {
            case AUTH_ON -> LOG.debug(decision.reason());
            case OFF_ON_LOOPBACK, OFF_ACKNOWLEDGED -> LOG.warnf("AUTH OFF: %s", decision.reason());
            case REFUSED -> throw new IllegalStateException(decision.reason());
        }
    }
}
