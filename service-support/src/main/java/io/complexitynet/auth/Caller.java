package io.complexitynet.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** Who is calling: the token's user with auth on; without auth, whatever name the request gave, or "anonymous". */
@ApplicationScoped
public class Caller {

    private final SecurityIdentity identity;
    private final AuthConfig config;

    Caller(SecurityIdentity identity, AuthConfig config) {
        this.identity = identity;
        this.config = config;
    }

    /** @param claimed the name a request field gives; believed only when auth is off */
    public String name(String claimed) {
        if (config.enabled()) {
            return identity.getPrincipal().getName();
        }
        return claimed == null || claimed.isBlank() ? "anonymous" : claimed;
    }
}
