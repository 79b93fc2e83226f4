package io.complexitynet.router.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Usage written by many requests at once, in real PostgreSQL. */
@QuarkusTest
class RouteLedgerTest {

    private static final int REQUESTS = 24;

    @Inject
    RouteLedger ledger;

    @Inject
    TenantStore tenants;

    @Test
    void concurrentFirstRequestsOfTheDayAllCountOnce() throws Exception {
        LocalDate day = LocalDate.of(2031, 1, 15);
        ExecutorService requests = Executors.newFixedThreadPool(REQUESTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> written = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            written.add(requests.submit(() -> {
                start.await();
                ledger.record("initech", day, List.of(new RouteLedger.Usage("gpt-4-1106-preview", 10, 20, 1.5)), List.of(), Optional.empty());
                return null;
            }));
        }
        start.countDown();
        for (Future<?> write : written) {
            write.get();
        }
        requests.shutdown();
        List<TenantStore.UsageRow> usage = tenants.usage("initech", day, day);
        assertEquals(1, usage.size());
        assertEquals(REQUESTS, usage.get(0).requests());
        assertEquals(REQUESTS * 30, usage.get(0).promptTokens() + usage.get(0).completionTokens());
        assertEquals(REQUESTS * 1.5, usage.get(0).costUnits(), 1e-9);
    }
}
