package io.complexitynet.router.persistence;

import io.complexitynet.router.domain.BudgetPeriod;
import io.complexitynet.router.domain.RoutingMode;
import io.complexitynet.router.domain.TenantPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Tenants' policies and usage. A tenant without a policy row gets the configured default policy. */
@ApplicationScoped
public class TenantStore {

    /** Usage of one tenant for one day and model. */
    public record UsageRow(LocalDate day, String model, long requests, long promptTokens, long completionTokens, double costUnits) {
    }

    private final EntityManager entities;

    TenantStore(EntityManager entities) {
        this.entities = entities;
    }

    @Transactional
    public Optional<TenantPolicy> policy(String tenant) {
        TenantPolicyEntity row = TenantPolicyEntity.findById(tenant);
        if (row == null) {
            return Optional.empty();
        }
        return Optional.of(new TenantPolicy(row.tenant, Optional.ofNullable(row.allowedModels).map(m -> Arrays.asList(m.split(","))),
                Optional.ofNullable(row.maxModel), RoutingMode.named(row.defaultPolicy), row.defaultThreshold, row.budgetCostUnits,
                BudgetPeriod.valueOf(row.budgetPeriod), row.feedback));
    }

    @Transactional
    public void save(TenantPolicy policy) {
        TenantPolicyEntity row = TenantPolicyEntity.findById(policy.tenant());
        boolean known = row != null;
        if (!known) {
            row = new TenantPolicyEntity();
            row.tenant = policy.tenant();
        }
        row.allowedModels = policy.allowedModels().map(models -> String.join(",", models)).orElse(null);
        row.maxModel = policy.maxModel().orElse(null);
        row.defaultPolicy = policy.defaultMode().id();
        row.defaultThreshold = policy.defaultThreshold();
        row.budgetCostUnits = policy.budgetCostUnits();
        row.budgetPeriod = policy.budgetPeriod().name();
        row.feedback = policy.feedback();
        if (!known) {
            row.persist();
        }
    }

    @Transactional
    public double spent(String tenant, LocalDate from) {
        Object sum = entities.createNativeQuery("select coalesce(sum(cost_units), 0) from tenant_usage where tenant = ?1 and usage_day >= ?2")
                .setParameter(1, tenant).setParameter(2, from).getSingleResult();
        return ((Number) sum).doubleValue();
    }

    @Transactional
    public List<UsageRow> usage(String tenant, LocalDate from, LocalDate to) {
        List<Object[]> rows = entities.createNativeQuery("select usage_day, model, requests, prompt_tokens, completion_tokens, cost_units"
                        + " from tenant_usage where tenant = ?1 and usage_day between ?2 and ?3 order by usage_day, model", Object[].class)
                .setParameter(1, tenant).setParameter(2, from).setParameter(3, to).getResultList();
        List<UsageRow> usage = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            usage.add(new UsageRow(row[0] instanceof LocalDate day ? day : ((java.sql.Date) row[0]).toLocalDate(), (String) row[1], ((Number) row[2]).longValue(),
                    ((Number) row[3]).longValue(), ((Number) row[4]).longValue(), ((Number) row[5]).doubleValue()));
        }
        return usage;
    }
}
