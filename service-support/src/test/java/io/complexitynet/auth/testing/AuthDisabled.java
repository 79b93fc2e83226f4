package io.complexitynet.auth.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * complexitynet.auth.enabled=false on loopback, as the embedded mode runs a service, for {@code @TestProfile}. The identity
 * provider points at a port where nothing answers: the service must start and serve without asking one.
 */
public class AuthDisabled implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("complexitynet.auth.enabled", "false", "complexitynet.auth.off-on-loopback", "true",
                "quarkus.oidc.auth-server-url", "http://127.0.0.1:1/realms/none");
    }
}
