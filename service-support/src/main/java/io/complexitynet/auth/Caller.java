package io.complexitynet.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Who is calling: the token's user with auth on; without auth, whatever name the request gave, or "anonymous". */
@ApplicationScoped
public class Caller {

    @Inject SecurityIdentity identity;
    @Inject AuthConfig config;

    /** @param claimed the name a request field gives; believed only when auth is off */
    public String name(String claimed) {
        if (config.enabled()) {
            return identity.getPrincipal().getName();
        }
        return claimed == null || claimed.isBlank() ? "anonymous" : claimed;
    }
}
