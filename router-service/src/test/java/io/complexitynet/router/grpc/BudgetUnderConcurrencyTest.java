package io.complexitynet.router.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Fifty requests of one tenant at once against a budget that holds far fewer, in real PostgreSQL: each is
 * admitted only by holding its worst case, so together they never spend beyond the budget.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
class BudgetUnderConcurrencyTest extends RouterAsTenants {

    private static final int CALLERS = 50;
    private static final String CHEAPEST = "codellama-7b-python";
    private static final Pattern MOST_IT_CAN_COST = Pattern.compile("this request may cost up to ([0-9.]+)");

    private static TenantPolicy globex(double budget) {
        return new TenantPolicy("globex", Optional.empty(), Optional.of(CHEAPEST), RoutingMode.PAPER, 0.5, budget, BudgetPeriod.DAY, false);
    }

    @Test
    void concurrentRequestsOfOneTenantNeverSpendBeyondItsBudget() throws Exception {
        if (classifier.inUse().isEmpty()) {
            promoteAndLoad("model-budget");
        }
        MbppTask task = MbppReader.read(Path.of(System.getProperty("complexitynet.data.dir"), "mbpp", "mbpp.jsonl")).get(0);
        RouteRequest request = RouteRequest.newBuilder().setPrompt(task.text()).setNoEscalation(true).build();
        ManagedChannel channel = Bearer.channelTo(routerUrl);
        try {
            RouterGrpc.RouterBlockingStub bob = as(channel, KeycloakRealm.BOB);
            // A budget too small for any request: the refusal names what one request may cost at most.
            tenants.save(globex(1e-6));
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> bob.route(request));
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, refused.getStatus().getCode());
            Matcher hold = MOST_IT_CAN_COST.matcher(refused.getStatus().getDescription());
            assertTrue(hold.find(), refused.getStatus().getDescription());
            double mostOneCosts = Double.parseDouble(hold.group(1));
            double spentBefore = bob.getUsage(GetUsageRequest.getDefaultInstance()).getPeriodCostUnits();

            // Room for one request's worst case: never more than one in flight, and only as many served as real costs fit.
            // The refusal rounds to 4 decimals; a margin far below one request's real cost keeps room for exactly one hold.
            double room = mostOneCosts + 0.0001;
            double budget = spentBefore + room;
            tenants.save(globex(budget));
            ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Double>> calls = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                calls.add(callers.submit(() -> {
                    start.await();
                    try {
                        return bob.route(request).getCostUnits();
                    } catch (StatusRuntimeException e) {
                        assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode(), e.getStatus().toString());
                        return -1.0;
                    }
                }));
            }
            start.countDown();
            List<Double> costs = new ArrayList<>();
            for (Future<Double> call : calls) {
                costs.add(call.get());
            }
            callers.shutdown();
            List<Double> served = costs.stream().filter(cost -> cost >= 0).toList();
            double spentAfter = bob.getUsage(GetUsageRequest.getDefaultInstance()).getPeriodCostUnits();
            double oneCosts = served.get(0);
            System.out.printf("budget under concurrency: %d of %d served, spent %.4f of room %.4f (one request costs %.4f, holds %.4f)%n",
                    served.size(), CALLERS, spentAfter - spentBefore, room, oneCosts, mostOneCosts);

            assertTrue(spentAfter <= budget + 1e-9, "spent " + spentAfter + " of a budget of " + budget);
            assertEquals(spentBefore + served.stream().mapToDouble(Double::doubleValue).sum(), spentAfter, 1e-9,
                    "every served request charged once");
            assertTrue(served.size() <= Math.floor(room / oneCosts + 1e-9), served.size() + " served; at most "
                    + Math.floor(room / oneCosts) + " fit");
            assertTrue(CALLERS * oneCosts > room, "fifty unchecked requests would have overspent the budget");
            assertTrue(served.size() < CALLERS, "some were refused");
        } finally {
            tenants.save(new TenantPolicy("globex", Optional.empty(), Optional.empty(), RoutingMode.PAPER, 0.5, 0, BudgetPeriod.MONTH, true));
            channel.shutdownNow();
        }
    }
}
