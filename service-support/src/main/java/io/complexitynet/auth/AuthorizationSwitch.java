package io.complexitynet.auth;

import io.quarkus.security.spi.runtime.AuthorizationController;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * Turns the {@code @RolesAllowed} checks off when {@code complexitynet.auth.enabled} is false.
 * quarkus.oidc.enabled cannot do it: it is fixed at build time, and without OIDC every call would be an
 * anonymous one refused.
 */
@Alternative
@Priority(1)
@Singleton
class AuthorizationSwitch extends AuthorizationController {

    private final boolean enabled;

    AuthorizationSwitch(AuthConfig config) {
        this.enabled = config.enabled();
    }

    @Override
    public boolean isAuthorizationEnabled() {
        return enabled;
    }
}
