package io.complexitynet.router.persistence;

import io.complexitynet.database.routing.TenantPolicyEntity;
import io.complexitynet.database.routing.TenantUsageEntity;
import io.complexitynet.router.domain.BudgetPeriod;
import io.complexitynet.router.domain.RoutingMode;
import io.complexitynet.router.domain.TenantPolicy;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Tenants' policies and usage. A tenant without a policy row gets the configured default policy. */
@ApplicationScoped
public class TenantStore {

    /** Usage of one tenant for one day and model. */
    public record UsageRow(LocalDate day, String model, long requests, long promptTokens, long completionTokens, double costUnits) {
    }

    @Inject EntityManager entities;

    @Transactional
    public Optional<TenantPolicy> policy(String tenant) {
        return Optional.ofNullable(TenantPolicyEntity.<TenantPolicyEntity>findById(tenant)).map(TenantStore::policyOf);
    }

    /** The tenant's policy, its row locked until the caller's transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<TenantPolicy> policyToChange(String tenant) {
        return Optional.ofNullable(TenantPolicyEntity.<TenantPolicyEntity>findById(tenant, LockModeType.PESSIMISTIC_WRITE))
                .map(TenantStore::policyOf);
    }

    @Transactional
    public List<TenantPolicy> all() {
        return TenantPolicyEntity.<TenantPolicyEntity>listAll(Sort.by("tenant")).stream().map(TenantStore::policyOf).toList();
    }

    /** Stores a tenant's first policy; false, storing nothing, when it has one (also when another call just created it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean create(TenantPolicy policy) {
        return entities.createQuery("insert into TenantPolicyEntity (tenant, allowedModels, maxModel, defaultPolicy, defaultThreshold,"
                        + " budgetCostUnits, budgetPeriod, feedback, feedbackTrusted, triesPerModel) values (:tenant, :allowedModels, :maxModel,"
                        + " :defaultPolicy, :defaultThreshold, :budgetCostUnits, :budgetPeriod, :feedback, :feedbackTrusted, :triesPerModel)"
                        + " on conflict do nothing")
                .setParameter("tenant", policy.tenant())
                .setParameter("allowedModels", policy.allowedModels().map(models -> String.join(",", models)).orElse(null))
                .setParameter("maxModel", policy.maxModel().orElse(null))
                .setParameter("defaultPolicy", policy.defaultMode().id())
                .setParameter("defaultThreshold", policy.defaultThreshold())
                .setParameter("budgetCostUnits", policy.budgetCostUnits())
                .setParameter("budgetPeriod", policy.budgetPeriod().name())
                .setParameter("feedback", policy.feedback())
                .setParameter("feedbackTrusted", policy.feedbackTrusted())
                .setParameter("triesPerModel", policy.triesPerModel())
                .executeUpdate() == 1;
    }

    private static TenantPolicy policyOf(TenantPolicyEntity row) {
        return new TenantPolicy(row.tenant, Optional.ofNullable(row.allowedModels).map(m -> Arrays.asList(m.split(","))),
                Optional.ofNullable(row.maxModel), RoutingMode.named(row.defaultPolicy), row.defaultThreshold, row.budgetCostUnits,
                BudgetPeriod.valueOf(row.budgetPeriod), row.feedback, row.feedbackTrusted, row.triesPerModel);
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
        row.feedbackTrusted = policy.feedbackTrusted();
        row.triesPerModel = policy.triesPerModel();
        if (!known) {
            row.persist();
        }
    }

    @Transactional
    public double spent(String tenant, LocalDate from) {
        return entities.createQuery("select coalesce(sum(u.costUnits), 0) from TenantUsageEntity u where u.tenant = :tenant"
                + " and u.usageDay >= :from", Double.class).setParameter("tenant", tenant).setParameter("from", from).getSingleResult();
    }

    @Transactional
    public List<UsageRow> usage(String tenant, LocalDate from, LocalDate to) {
        return TenantUsageEntity.<TenantUsageEntity>list("tenant = ?1 and usageDay between ?2 and ?3 order by usageDay, model", tenant, from, to)
                .stream().map(row -> new UsageRow(row.usageDay, row.model, row.requests, row.promptTokens, row.completionTokens, row.costUnits))
                .toList();
    }
}
