package io.complexitynet.auth.testing;

import io.complexitynet.core.testing.KeycloakRealm;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The project's Keycloak, started through {@code .ci/keycloak} if it is not running, before the service
 * boots: its OIDC tenant reads the realm's keys at start. The services' defaults already point at it.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KeycloakRealm.ensureRunning();
        return Map.of();
    }

    @Override
    public void stop() {
        // Shared by every test JVM and left running, as .ci/run leaves it.
    }
}
