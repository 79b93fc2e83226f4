package io.complexitynet.router.auth;

import io.complexitynet.router.config.RouterConfig;
import io.complexitynet.router.domain.RouteRefused;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The tenant a validated token speaks for: its tenant claim. A token without one (a service account) may not route. */
@ApplicationScoped
public class CallerTenant {

    private final SecurityIdentity identity;
    private final RouterConfig config;

    CallerTenant(SecurityIdentity identity, RouterConfig config) {
        this.identity = identity;
        this.config = config;
    }

    public String get() {
        Object tenant = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(config.tenantClaim()) : null;
        String name = tenant == null ? "" : tenant.toString().strip();
        if (name.isEmpty()) {
            throw new RouteRefused(RouteRefused.Kind.PERMISSION_DENIED, "the token carries no '" + config.tenantClaim()
                    + "' claim: only a tenant's users may call the router");
        }
        return name;
    }
}
