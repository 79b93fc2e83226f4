package io.complexitynet.router.health;

import io.complexitynet.router.classifier.PromotedClassifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once a promoted complexity model is loaded: without one the router can only refuse. */
@Readiness
@ApplicationScoped
public class ClassifierReadiness implements HealthCheck {

    @Inject PromotedClassifier classifier;

    @Override
    public HealthCheckResponse call() {
        return classifier.inUse().map(loaded -> HealthCheckResponse.named("classifier").up()
                        .withData("model", loaded.id()).withData("version", loaded.version()).build())
                .orElseGet(() -> HealthCheckResponse.named("classifier").down()
                        .withData("reason", "no complexity model promoted yet").build());
    }
}
