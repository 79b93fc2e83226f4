package io.complexitynet.router.persistence;

import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.database.routing.TenantBudgetEntity;
import io.complexitynet.router.domain.BudgetPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Admission against a tenant's budget: one conditional update per request on the row of the tenant's period,
 * so concurrent requests of one tenant (on any replica) can together never hold more than the budget leaves.
 * {@link RouteLedger} settles in the transaction that records the request's usage.
 */
@ApplicationScoped
public class TenantBudgets {

    /** What a request holds until its answer is recorded. */
    public record Hold(String tenant, BudgetPeriod period, LocalDate periodStart, double costUnits) {
    }

    @Inject EntityManager entities;
    @Inject TenantStore tenants;

    /**
     * Holds {@code costUnits}, the most the request can cost, if spent + held + it stays within the budget;
     * refuses the request (RESOURCE_EXHAUSTED) otherwise.
     */
    @Transactional
    public Hold reserve(String tenant, BudgetPeriod period, LocalDate today, double costUnits, double budget) {
        LocalDate periodStart = period.start(today);
        int admitted = hold(tenant, period, periodStart, costUnits, budget);
        Optional<TenantBudgetEntity> row = admitted == 1 ? Optional.empty() : row(tenant, period, periodStart);
        if (admitted == 0 && row.isEmpty()) {
            // The period's first budgeted request starts its row from what tenant_usage holds for it (summed only
            // then, not on every request); from then on every recorded request adds to the row (RouteLedger).
            entities.createQuery("insert into TenantBudgetEntity (tenant, period, periodStart, spentCostUnits, heldCostUnits)"
                            + " values (:tenant, :period, :start, :spent, 0) on conflict do nothing")
                    .setParameter("tenant", tenant).setParameter("period", period.name()).setParameter("start", periodStart)
                    .setParameter("spent", tenants.spent(tenant, periodStart)).executeUpdate();
            admitted = hold(tenant, period, periodStart, costUnits, budget);
            row = admitted == 1 ? Optional.empty() : row(tenant, period, periodStart);
        }
        if (admitted == 0) {
            TenantBudgetEntity refused = row.orElseThrow();
            throw RequestRefused.exhausted(String.format(Locale.ROOT, "tenant %s has spent %.4f (and holds %.4f for requests in flight)"
                            + " of its budget of %.4f cost units for the %s starting %s; this request may cost up to %.4f",
                    tenant, refused.spentCostUnits, refused.heldCostUnits, budget, period.name().toLowerCase(Locale.ROOT), periodStart,
                    costUnits));
        }
        return new Hold(tenant, period, periodStart, costUnits);
    }

    /** The one conditional update that admits a request: 1 if it now holds its cost, 0 if that would not fit (or no row). */
    private int hold(String tenant, BudgetPeriod period, LocalDate periodStart, double costUnits, double budget) {
        return entities.createQuery("update TenantBudgetEntity b set b.heldCostUnits = b.heldCostUnits + :cost"
                        + " where b.tenant = :tenant and b.period = :period and b.periodStart = :start"
                        + " and b.spentCostUnits + b.heldCostUnits + :cost <= :budget")
                .setParameter("cost", costUnits).setParameter("tenant", tenant).setParameter("period", period.name())
                .setParameter("start", periodStart).setParameter("budget", budget).executeUpdate();
    }

    private Optional<TenantBudgetEntity> row(String tenant, BudgetPeriod period, LocalDate periodStart) {
        return entities.createQuery("from TenantBudgetEntity b where b.tenant = :tenant and b.period = :period and b.periodStart = :start",
                        TenantBudgetEntity.class)
                .setParameter("tenant", tenant).setParameter("period", period.name()).setParameter("start", periodStart)
                .getResultStream().findFirst();
    }

    /**
     * Adds a request's real cost to the tenant's rows that cover {@code day} and releases its hold, if any;
     * part of the transaction that records the request's usage.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void charge(String tenant, LocalDate day, double spent, Optional<Hold> hold) {
        entities.createQuery("update TenantBudgetEntity b set b.spentCostUnits = b.spentCostUnits + :spent where b.tenant = :tenant"
                        + " and ((b.period = 'DAY' and b.periodStart = :day) or (b.period = 'MONTH' and b.periodStart = :month))")
                .setParameter("spent", spent).setParameter("tenant", tenant).setParameter("day", BudgetPeriod.DAY.start(day))
                .setParameter("month", BudgetPeriod.MONTH.start(day)).executeUpdate();
        hold.ifPresent(held -> entities.createQuery("update TenantBudgetEntity b set b.heldCostUnits = b.heldCostUnits - :held"
                        + " where b.tenant = :tenant and b.period = :period and b.periodStart = :start")
                .setParameter("held", held.costUnits()).setParameter("tenant", held.tenant()).setParameter("period", held.period().name())
                .setParameter("start", held.periodStart()).executeUpdate());
    }
}
