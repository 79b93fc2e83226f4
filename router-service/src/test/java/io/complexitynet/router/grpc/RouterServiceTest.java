package io.complexitynet.router.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.complexitynet.auth.testing.Bearer;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.task.MbppTask;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.core.testing.MbppSlices;
import io.complexitynet.model.embedding.MiniLmPromptEncoder;
import io.complexitynet.proto.v1.ClassifyRequest;
import io.complexitynet.proto.v1.ClassifyResponse;
import io.complexitynet.proto.v1.GetUsageRequest;
import io.complexitynet.proto.v1.GetUsageResponse;
import io.complexitynet.proto.v1.ModelPromoted;
import io.complexitynet.proto.v1.RouteRequest;
import io.complexitynet.proto.v1.RouteResponse;
import io.complexitynet.proto.v1.RouterGrpc;
import io.complexitynet.router.domain.BudgetPeriod;
import io.complexitynet.router.domain.RoutingMode;
import io.complexitynet.router.domain.TenantPolicy;
import io.complexitynet.router.persistence.RouteLedger;
import io.complexitynet.testing.VerifierResource;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * The Router API as tenants call it: real Keycloak tokens, the real verifier as a separate process,
 * the replay backend over MBPP's recorded outputs, a promoted model in real PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(value = VerifierResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouterServiceTest extends RouterAsTenants {

    private static final Map<Integer, MbppTask> MBPP = MbppSlices.byId();

    @Inject
    RouteLedger ledger;

    private ManagedChannel channel;

    @BeforeAll
    void promoteAModel() {
        promoteAndLoad("model-1");
        channel = Bearer.channelTo(routerUrl);
    }

    @AfterAll
    void disconnect() {
        channel.shutdownNow();
    }

    private RouterGrpc.RouterBlockingStub as(KeycloakRealm.TestUser user) {
        return as(channel, user);
    }

    private static RouteRequest.Builder task(int id) {
        MbppTask task = MBPP.get(id);
        return RouteRequest.newBuilder().setPrompt(task.text()).setSetupCode(task.setupCode());
    }

    @Test
    void routesATaskAndChargesTheCallersTenant() {
        RouteResponse response = as(KeycloakRealm.ALICE).route(task(11).build());
        assertFalse(response.getCode().isBlank());
        assertEquals(3, response.getDecision().getProbabilitiesCount());
        assertEquals(classifier.inUse().orElseThrow().id(), response.getDecision().getClassifierModelId());
        assertFalse(response.getDecision().getReason().isBlank());
        assertEquals(response.getDecision().getModel(), response.getModel());
        assertEquals(1, response.getAttemptsCount());
        assertEquals("", response.getVerdict());
        assertTrue(response.getCostUnits() > 0);
        assertTrue(response.getLatency().getDecisionMillis() > 0);

        GetUsageResponse acme = as(KeycloakRealm.ALICE).getUsage(GetUsageRequest.getDefaultInstance());
        assertEquals("acme", acme.getTenant());
        assertTrue(acme.getRowsList().stream().anyMatch(row -> row.getModel().equals(response.getModel()) && row.getRequests() >= 1));
        assertTrue(acme.getPeriodCostUnits() >= response.getCostUnits());
        GetUsageResponse globex = as(KeycloakRealm.BOB).getUsage(GetUsageRequest.getDefaultInstance());
        assertEquals("globex", globex.getTenant());
        assertTrue(globex.getRowsList().stream().noneMatch(row -> row.getRequests() > 0 && acme.getRowsList().contains(row)),
                "globex sees no acme usage");
    }

    @Test
    void withTestsTheAnswerIsVerifiedEscalatedAndKeptAsASample() {
        long before = ledger.samples("acme");
        // Task 21: Code Llama's recorded answer fails its tests, GPT-3.5's passes.
        MbppTask task = MBPP.get(21);
        RouteResponse response = as(KeycloakRealm.ALICE).route(task(21).addAllTests(task.tests()).setMaxModel("gpt-3.5-turbo-1106")
                .setPolicy("expected-cost").setQualityTarget(0.01).build());
        assertEquals(List.of("codellama-7b-python", "gpt-3.5-turbo-1106"), response.getAttemptsList().stream()
                .map(attempt -> attempt.getModel()).toList());
        assertEquals(List.of("FAILED", "PASSED"), response.getAttemptsList().stream().map(attempt -> attempt.getVerdict()).toList());
        assertEquals("gpt-3.5-turbo-1106", response.getModel());
        assertEquals("PASSED", response.getVerdict());
        assertTrue(response.getLatency().getVerificationMillis() > 0);
        assertEquals(before + response.getAttemptsCount(), ledger.samples("acme"));
    }

    @Test
    void classifyDecidesWithoutGeneratingOrCharging() {
        double spent = as(KeycloakRealm.ALICE).getUsage(GetUsageRequest.getDefaultInstance()).getPeriodCostUnits();
        ClassifyResponse response = as(KeycloakRealm.ALICE).classify(ClassifyRequest.newBuilder().setPrompt(MBPP.get(12).text())
                .addAllTests(MBPP.get(12).tests()).build());
        assertEquals(3, response.getDecision().getProbabilitiesCount());
        assertTrue(response.getDecision().getReason().length() > 10, response.getDecision().getReason());
        assertEquals(spent, as(KeycloakRealm.ALICE).getUsage(GetUsageRequest.getDefaultInstance()).getPeriodCostUnits());
    }

    @Test
    void aTenantOverItsBudgetIsRefusedNamingTheBudget() {
        tenants.save(new TenantPolicy("globex", Optional.empty(), Optional.empty(), RoutingMode.PAPER, 0.5, 0.001,
                BudgetPeriod.DAY, false));
        try {
            // A request is admitted only if the most it can cost still fits: 0.001 fits no request.
            assertRefused(Status.Code.RESOURCE_EXHAUSTED, "tenant globex has spent", () -> as(KeycloakRealm.BOB).route(task(14).build()));
            assertTrue(as(KeycloakRealm.ALICE).route(task(14).build()).getCostUnits() > 0, "acme's budget is its own");
        } finally {
            tenants.save(new TenantPolicy("globex", Optional.empty(), Optional.empty(), RoutingMode.PAPER, 0.5, 0,
                    BudgetPeriod.DAY, true));
        }
    }

    @Test
    void testsThatDoNotParseAreRefusedBeforeAnyModelRunsOrIsCharged() {
        long before = requestsOf(as(KeycloakRealm.ALICE).getUsage(GetUsageRequest.getDefaultInstance()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "the verifier cannot run these tests: tests[0]: is not valid Python",
                () -> as(KeycloakRealm.ALICE).route(task(16).addTests("assert (").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "the verifier cannot run these tests: setup_code: is not valid Python",
                () -> as(KeycloakRealm.ALICE).route(task(16).setSetupCode("def broken(:").addTests("assert True").build()));
        assertEquals(before, requestsOf(as(KeycloakRealm.ALICE).getUsage(GetUsageRequest.getDefaultInstance())),
                "no model ran, so no use is recorded");
    }

    private static long requestsOf(GetUsageResponse usage) {
        return usage.getRowsList().stream().mapToLong(row -> row.getRequests()).sum();
    }

    @Test
    void aTenantCannotGoAboveItsMaximumModel() {
        tenants.save(new TenantPolicy("globex", Optional.empty(), Optional.of("gpt-3.5-turbo-1106"), RoutingMode.PAPER, 0.5, 0,
                BudgetPeriod.MONTH, true));
        try {
            assertRefused(Status.Code.PERMISSION_DENIED, "max_model gpt-4-1106-preview is above tenant globex's maximum",
                    () -> as(KeycloakRealm.BOB).route(task(15).setMaxModel("gpt-4-1106-preview").build()));
            RouteResponse capped = as(KeycloakRealm.BOB).route(task(15).addAllTests(List.of("assert False")).build());
            assertTrue(capped.getAttemptsList().stream().noneMatch(a -> a.getModel().equals("gpt-4-1106-preview")));
        } finally {
            tenants.save(new TenantPolicy("globex", Optional.empty(), Optional.empty(), RoutingMode.PAPER, 0.5, 0,
                    BudgetPeriod.MONTH, true));
        }
    }

    @Test
    void badRequestsNameTheField() {
        assertRefused(Status.Code.INVALID_ARGUMENT, "prompt: is empty", () -> as(KeycloakRealm.ALICE).route(RouteRequest.getDefaultInstance()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "policy: unknown policy 'cheapest'",
                () -> as(KeycloakRealm.ALICE).route(task(11).setPolicy("cheapest").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "quality_target: must be in (0, 1], was 1.5",
                () -> as(KeycloakRealm.ALICE).route(task(11).setQualityTarget(1.5).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "max_model: unknown model 'gpt-9'",
                () -> as(KeycloakRealm.ALICE).classify(ClassifyRequest.newBuilder().setPrompt("x").setMaxModel("gpt-9").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "from: 'yesterday' is not a date",
                () -> as(KeycloakRealm.ALICE).getUsage(GetUsageRequest.newBuilder().setFrom("yesterday").build()));
    }

    @Test
    void onlyTokensMeantForTheRouterFromAnAcceptedClientGetIn() {
        RouterGrpc.RouterBlockingStub anonymous = RouterGrpc.newBlockingStub(channel);
        ClassifyRequest request = ClassifyRequest.newBuilder().setPrompt(MBPP.get(11).text()).build();
        String notForTheRouter = "the bearer token is not issued for this service's audience";
        assertRefused(Status.Code.UNAUTHENTICATED, "no bearer token", () -> anonymous.classify(request));
        // carol holds no role, other-app asks for none, the router's own token is the verifier's.
        assertRefused(Status.Code.UNAUTHENTICATED, notForTheRouter, () -> as(KeycloakRealm.CAROL).classify(request));
        assertRefused(Status.Code.UNAUTHENTICATED, notForTheRouter,
                () -> anonymous.withInterceptors(Bearer.token(KeycloakRealm.otherAudienceToken("alice", "alice-dev-password")))
                        .classify(request));
        assertRefused(Status.Code.UNAUTHENTICATED, notForTheRouter,
                () -> anonymous.withInterceptors(Bearer.token(KeycloakRealm.clientCredentialsToken("router-service",
                        KeycloakRealm.ROUTER_SERVICE_SECRET))).classify(request));
        assertRefused(Status.Code.UNAUTHENTICATED, "the bearer token was issued to client 'unlisted-app', which this service does not accept",
                () -> anonymous.withInterceptors(Bearer.token(KeycloakRealm.unlistedClientToken(KeycloakRealm.ALICE))).classify(request));
        assertRefused(Status.Code.UNAUTHENTICATED, "the bearer token has a signature that does not verify",
                () -> anonymous.withInterceptors(Bearer.token(KeycloakRealm.tamperedToken(
                        KeycloakRealm.passwordToken(KeycloakRealm.ALICE), "tenant", "globex"))).classify(request));
    }

    @Test
    void aPromotionSwapsTheModelUnderLoadWithoutFailingARequest() throws Exception {
        String before = classifier.inUse().orElseThrow().id();
        String next = "model-" + System.nanoTime();
        // The new model reads prompts with the other encoder, which the router loads when the model arrives.
        byte[] artifact = models.train(2, MiniLmPromptEncoder.ID);
        ClassifyRequest request = ClassifyRequest.newBuilder().setPrompt(MBPP.get(11).text()).addAllTests(MBPP.get(11).tests()).build();
        RouterGrpc.RouterBlockingStub alice = as(KeycloakRealm.ALICE);
        AtomicBoolean running = new AtomicBoolean(true);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            callers.submit(() -> {
                while (running.get()) {
                    try {
                        seen.add(alice.classify(request).getDecision().getClassifierModelId());
                        calls.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            });
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!seen.contains(before) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        models.promote(next, artifact);
        announce(ModelPromoted.newBuilder().setVersion(1).setModelId(next).setModelVersion(2).setPromotedBy("test").build());
        while (!seen.contains(next) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        running.set(false);
        callers.shutdown();
        assertTrue(callers.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(List.of(), failures);
        assertTrue(seen.containsAll(Set.of(before, next)), "models seen: " + seen);
        assertEquals(next, classifier.inUse().orElseThrow().id());
        assertEquals(MiniLmPromptEncoder.ID, classifier.inUse().orElseThrow().model().metadata().encoderId());
        assertTrue(calls.get() > 20, calls.get() + " calls");
    }

    /** The trainer's model-promoted event, on its fan-out exchange. */
    private static void announce(ModelPromoted event) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        try (Connection connection = factory.newConnection("router-test"); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("complexitynet.model-promoted", "fanout", true);
            channel.basicPublish("complexitynet.model-promoted", "", null, event.toByteArray());
        }
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        String token = KeycloakRealm.shortLivedToken("alice", "alice-dev-password");
        Thread.sleep((KeycloakRealm.SHORT_LIVED_SECONDS + 2) * 1000L);
        assertRefused(Status.Code.UNAUTHENTICATED, "the bearer token has expired", () -> RouterGrpc.newBlockingStub(channel)
                .withInterceptors(Bearer.token(token)).classify(ClassifyRequest.newBuilder().setPrompt("x").build()));
    }

    private static void assertRefused(Status.Code code, String descriptionStart, Executable call) {
        Status status = assertThrows(StatusRuntimeException.class, call).getStatus();
        assertEquals(code, status.getCode(), status::toString);
        assertTrue(status.getDescription().startsWith(descriptionStart), status.getDescription());
    }
}
