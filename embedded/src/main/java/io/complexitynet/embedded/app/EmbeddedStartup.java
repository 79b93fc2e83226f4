package io.complexitynet.embedded.app;

import io.complexitynet.auth.AuthConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Tells whoever started the embedded mode where everything listens, whether calls need a token, and what to call first. */
@ApplicationScoped
class EmbeddedStartup {

    private static final Logger LOG = Logger.getLogger(EmbeddedStartup.class);

    @Inject AuthConfig auth;
    @Inject @ConfigProperty(name = "quarkus.http.host") String host;
    @Inject @ConfigProperty(name = "quarkus.http.port") int port;
    @Inject @ConfigProperty(name = "quarkus.datasource.jdbc.url") String database;
    @Inject @ConfigProperty(name = "router.unauthenticated-tenant") String tenant;

    void announce(@Observes StartupEvent started) {
        String address = host + ":" + port;
        if (auth.enabled()) {
            LOG.warnf("AUTH ON: every gRPC call needs a Keycloak bearer token (see the README's realm section)");
        } else {
            LOG.warnf("AUTH OFF: no token needed; anyone who can reach %s may call every API, and the router routes"
                    + " for tenant '%s'. Only for one machine: the deployment runs with auth on.", address, tenant);
        }
        LOG.infof("""
                ComplexityNet embedded: verifier, labeler, trainer and router in one JVM
                  gRPC (plaintext, reflection on) at %1$s: complexitynet.v1.Verifier, .Labeler, .Trainer, .Router
                  health http://%1$s/q/health/ready, metrics http://%1$s/q/metrics
                  label database %2$s; in-process queues (not durable); bubblewrap sandbox; replay backend
                  call first: grpcurl -plaintext -d '{"name":"mbpp","path":"mbpp/mbpp.jsonl"}' %1$s complexitynet.v1.Labeler/ImportDataset
                  or reproduce the paper end to end: see reproduce/README.md""", address, database);
    }
}
