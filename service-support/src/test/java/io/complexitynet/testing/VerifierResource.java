package io.complexitynet.testing;

import io.complexitynet.core.testing.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The real verifier-service, packaged, as a separate process that a service test can kill and restart. */
public class VerifierResource implements QuarkusTestResourceLifecycleManager {

    public static final int PORT = 18091;
    private static ServiceProcess verifier;

    public static ServiceProcess verifier() {
        return verifier;
    }

    @Override
    public Map<String, String> start() {
        verifier = process().start();
        return clientConfiguration();
    }

    /** The verifier to start. */
    protected ServiceProcess process() {
        return new ServiceProcess("verifier", "verifier-service", PORT, Map.of("VERIFIER_SANDBOX_CONCURRENCY", "2"));
    }

    /** What the service under test needs to call it, beyond its own test configuration. */
    protected Map<String, String> clientConfiguration() {
        return Map.of();
    }

    @Override
    public void stop() {
        try {
            verifier.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
