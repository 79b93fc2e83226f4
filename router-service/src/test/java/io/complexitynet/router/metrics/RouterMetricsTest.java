package io.complexitynet.router.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.auth.testing.Bearer;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.task.MbppReader;
import io.complexitynet.core.task.MbppTask;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.proto.v1.GetUsageRequest;
import io.complexitynet.proto.v1.RouteRequest;
import io.complexitynet.proto.v1.RouterGrpc;
import io.complexitynet.router.domain.BudgetPeriod;
import io.complexitynet.router.domain.RoutingMode;
import io.complexitynet.router.domain.TenantPolicy;
import io.complexitynet.router.grpc.RouterAsTenants;
import io.grpc.ManagedChannel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gauges the cluster's alerts read: a loaded model, and a routing tenant's budget and spending from the database. */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
class RouterMetricsTest extends RouterAsTenants {

    private static final double BUDGET = 1000;

    @Test
    void aLoadedModelAndARoutingTenantsBudgetAndSpendingAreGauged() throws Exception {
        if (classifier.inUse().isEmpty()) {
            promoteAndLoad("model-metrics");
        }
        assertEquals(1.0, sample("router_classifier_loaded"));
        tenants.save(new TenantPolicy("globex", Optional.empty(), Optional.of("codellama-7b-python"), RoutingMode.PAPER, 0.5, BUDGET,
                BudgetPeriod.DAY, false));
        MbppTask task = MbppReader.read(Path.of(System.getProperty("complexitynet.data.dir"), "mbpp", "mbpp.jsonl")).get(0);
        ManagedChannel channel = Bearer.channelTo(routerUrl);
        try {
            RouterGrpc.RouterBlockingStub bob = as(channel, KeycloakRealm.BOB);
            bob.route(RouteRequest.newBuilder().setPrompt(task.text()).setNoEscalation(true).build());
            double spent = bob.getUsage(GetUsageRequest.getDefaultInstance()).getPeriodCostUnits();
            assertTrue(spent > 0, "spent " + spent);
            // Read in the background and again at most every 30 s: another test may have shown globex's figures before.
            long deadline = System.nanoTime() + Duration.ofSeconds(75).toNanos();
            while (sample("router_tenant_budget_cost_units{tenant=\"globex\"}") != BUDGET
                    || Math.abs(sample("router_tenant_budget_spent_cost_units{tenant=\"globex\"}") - spent) > 1e-9) {
                assertTrue(System.nanoTime() < deadline, "globex's budget gauges never showed " + BUDGET + " and " + spent);
                Thread.sleep(500);
            }
        } finally {
            tenants.save(new TenantPolicy("globex", Optional.empty(), Optional.empty(), RoutingMode.PAPER, 0.5, 0, BudgetPeriod.MONTH, true));
            channel.shutdownNow();
        }
    }

    private double sample(String series) throws Exception {
        String exposition = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(routerUrl + "q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String line = exposition.lines().filter(sample -> sample.startsWith(series + " ")).findFirst()
                .orElseThrow(() -> new AssertionError(series + " is not exported"));
        return Double.parseDouble(line.substring(series.length()).trim());
    }
}
