package io.complexitynet.router.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.database.routing.TenantBudgetEntity;
import io.complexitynet.router.domain.BudgetPeriod;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Usage written by many requests at once, and the same request written twice, in real PostgreSQL. */
@QuarkusTest
class RouteLedgerTest {

    private static final int REQUESTS = 24;

    @Inject
    RouteLedger ledger;

    @Inject
    TenantStore tenants;

    @Inject
    TenantBudgets budgets;

    @Test
    void concurrentFirstRequestsOfTheDayAllCountOnce() throws Exception {
        LocalDate day = LocalDate.of(2031, 1, 15);
        ExecutorService requests = Executors.newFixedThreadPool(REQUESTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> written = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            written.add(requests.submit(() -> {
                start.await();
                ledger.record(UUID.randomUUID().toString(), "initech", day, List.of(new RouteLedger.Usage("gpt-4-1106-preview", 10, 20, 1.5)),
                        List.of(), Optional.empty());
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

    @Test
    void aRequestRecordedAgainAfterItsCommitIsChargedOnce() {
        LocalDate day = LocalDate.of(2031, 2, 3);
        TenantBudgets.Hold hold = budgets.reserve("ledger-retried", BudgetPeriod.MONTH, day, 10, 100);
        String requestId = UUID.randomUUID().toString();
        List<RouteLedger.Usage> usage = List.of(new RouteLedger.Usage("gpt-3.5-turbo-1106", 100, 50, 1.5));
        List<RouteLedger.RoutedSample> samples = List.of(new RouteLedger.RoutedSample(requestId + "/0", "ledger-retried", "Write a function.",
                List.of("assert f() == 1"), "", "gpt-3.5-turbo-1106", "def f():\n    return 1", "PASS", "model-a"));

        // The second call is the retry of a write whose commit went through but whose acknowledgement was lost.
        assertTrue(ledger.record(requestId, "ledger-retried", day, usage, samples, Optional.of(hold)));
        assertFalse(ledger.record(requestId, "ledger-retried", day, usage, samples, Optional.of(hold)));

        List<TenantStore.UsageRow> rows = tenants.usage("ledger-retried", day, day);
        assertEquals(1, rows.size());
        assertEquals(1, rows.get(0).requests());
        assertEquals(1.5, rows.get(0).costUnits(), 1e-9);
        assertEquals(1, ledger.samples("ledger-retried"));
        TenantBudgetEntity month = QuarkusTransaction.requiringNew().call(() -> TenantBudgetEntity
                .<TenantBudgetEntity>find("tenant = ?1 and period = 'MONTH' and periodStart = ?2", "ledger-retried", day.withDayOfMonth(1))
                .singleResult());
        assertEquals(1.5, month.spentCostUnits, 1e-9);
        assertEquals(0, month.heldCostUnits, 1e-9, "the hold released once, not twice");
    }
}
