package io.complexitynet.router.auth;

import io.complexitynet.auth.AuthConfig;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.router.config.RouterConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The tenant a validated token speaks for: its tenant claim. A token without one (a service account) may not route.
 * With auth off there is no token, so every call speaks for the configured unauthenticated tenant.
 */
@ApplicationScoped
public class CallerTenant {

    private final SecurityIdentity identity;
    private final RouterConfig config;
    private final boolean authEnabled;

    CallerTenant(SecurityIdentity identity, RouterConfig config, AuthConfig auth) {
        this.identity = identity;
        this.config = config;
        this.authEnabled = auth.enabled();
    }

    public String get() {
        if (!authEnabled) {
            return config.unauthenticatedTenant();
        }
        Object tenant = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(config.tenantClaim()) : null;
        String name = tenant == null ? "" : tenant.toString().strip();
        if (name.isEmpty()) {
            throw RequestRefused.permissionDenied("the token carries no '" + config.tenantClaim()
                    + "' claim: only a tenant's users may call the router");
        }
        return name;
    }
}
