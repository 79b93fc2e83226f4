package io.complexitynet.router.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.auth.testing.Bearer;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.task.MbppReader;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.core.testing.LocalPostgres;
import io.complexitynet.proto.v1.GetUsageRequest;
import io.complexitynet.proto.v1.RouteRequest;
import io.complexitynet.proto.v1.RouterGrpc;
import io.complexitynet.proto.v1.UsageRow;
import io.complexitynet.router.grpc.RouterAsTenants;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped under a serving router (stop -m fast, as an operator's restart): every Route is refused with
 * UNAVAILABLE before any model runs, since what it spent could not be recorded, and readiness says the database is
 * down; once the database is back the router serves again, and the tenant's usage counts exactly the requests that
 * were answered.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
class DatabaseOutageIT extends RouterAsTenants {

    // A prompt the replay backend has recorded answers to: MBPP's task 11.
    private static final RouteRequest REQUEST = MbppReader.read(Path.of(System.getProperty("complexitynet.data.dir"), "mbpp", "mbpp.jsonl"))
            .stream().filter(task -> task.taskId() == 11).findFirst()
            .map(task -> RouteRequest.newBuilder().setPrompt(task.text()).setSetupCode(task.setupCode()).build()).orElseThrow();

    @Inject
    MeterRegistry registry;

    @Test
    void duringADatabaseOutageRouteIsUnavailableBeforeAnyModelRunsAndUsageIsExactAfter() throws Exception {
        promoteAndLoad("outage-model");
        ManagedChannel channel = Bearer.channelTo(routerUrl);
        try {
            RouterGrpc.RouterBlockingStub alice = as(channel, KeycloakRealm.ALICE);
            alice.route(REQUEST);
            long requestsBefore = requests(alice);
            double attemptsBefore = attempts();

            LocalPostgres.stop();
            try {
                for (int i = 0; i < 5; i++) {
                    StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> alice.route(REQUEST));
                    assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode(), refused::toString);
                    assertTrue(refused.getStatus().getDescription().contains("database"), refused.getStatus()::getDescription);
                }
                assertEquals(attemptsBefore, attempts(), "a model ran while the database was down");
                assertEquals("DOWN", databaseReadiness(), "readiness while the database is down");
            } finally {
                LocalPostgres.start();
            }

            // The first requests after the restart may each meet a pooled connection the restart cut.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int answered = 0;
            while (answered == 0) {
                try {
                    alice.route(REQUEST);
                    answered++;
                } catch (StatusRuntimeException e) {
                    assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e::toString);
                    assertTrue(System.nanoTime() < deadline, "not serving 30 s after the database came back");
                    Thread.sleep(200);
                }
            }
            for (; answered < 5; answered++) {
                alice.route(REQUEST);
            }
            assertEquals(requestsBefore + answered, requests(alice), "usage counts exactly the answered requests");
            assertEquals("UP", databaseReadiness(), "readiness once the database is back");
            assertEquals(attemptsBefore + answered, attempts());
        } finally {
            channel.shutdownNow();
        }
    }

    private static long requests(RouterGrpc.RouterBlockingStub caller) {
        return caller.getUsage(GetUsageRequest.getDefaultInstance()).getRowsList().stream().mapToLong(UsageRow::getRequests).sum();
    }

    /** The datasource's own readiness check (the verifier's is DOWN here: this test runs none). */
    private static String databaseReadiness() {
        return given().get("/q/health/ready").jsonPath().getString("checks.find { it.name == 'Database connections health check' }.status");
    }

    private double attempts() {
        return registry.find("router.attempts").counters().stream().mapToDouble(Counter::count).sum();
    }
}
