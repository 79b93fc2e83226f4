package io.complexitynet.router.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.database.JsonColumn;
import io.complexitynet.database.routing.TenantPolicyChangeEntity;
import io.complexitynet.router.domain.BudgetPeriod;
import io.complexitynet.router.domain.RoutingMode;
import io.complexitynet.router.domain.TenantPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The record of every change of a tenant's policy: who made it, when, and the policy before and after. */
@ApplicationScoped
public class TenantPolicyChanges {

    /** One recorded change; {@code before} is empty when the change created the policy. */
    public record Change(String tenant, String changedBy, OffsetDateTime changedAt, Optional<TenantPolicy> before,
                         TenantPolicy after) {
    }

    /** A policy as its JSON column holds it; records written before tries per model existed have none (one). */
    record StoredPolicy(String tenant, List<String> allowedModels, String maxModel, String policy, double threshold,
                        double budget, String budgetPeriod, boolean feedback, boolean feedbackTrusted, Integer triesPerModel) {

        static StoredPolicy of(TenantPolicy policy) {
            return new StoredPolicy(policy.tenant(), policy.allowedModels().orElse(null), policy.maxModel().orElse(null),
                    policy.defaultMode().id(), policy.defaultThreshold(), policy.budgetCostUnits(), policy.budgetPeriod().name(),
                    policy.feedback(), policy.feedbackTrusted(), policy.triesPerModel());
        }

        TenantPolicy toPolicy() {
            return new TenantPolicy(tenant, Optional.ofNullable(allowedModels), Optional.ofNullable(maxModel), RoutingMode.named(policy),
                    threshold, budget, BudgetPeriod.valueOf(budgetPeriod), feedback, feedbackTrusted,
                    triesPerModel == null ? 1 : triesPerModel);
        }
    }

    @Inject ObjectMapper json;

    /** Joins the caller's transaction, so the change and its record are written together or not at all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String changedBy, Optional<TenantPolicy> before, TenantPolicy after) {
        TenantPolicyChangeEntity row = new TenantPolicyChangeEntity();
        row.tenant = after.tenant();
        row.changedBy = changedBy;
        row.changedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.policyBefore = before.map(policy -> JsonColumn.write(json, StoredPolicy.of(policy))).orElse(null);
        row.policyAfter = JsonColumn.write(json, StoredPolicy.of(after));
        row.persist();
    }

    @Transactional
    public List<Change> of(String tenant) {
        return TenantPolicyChangeEntity.<TenantPolicyChangeEntity>list("tenant = ?1 order by id", tenant).stream()
                .map(row -> new Change(row.tenant, row.changedBy, row.changedAt,
                        Optional.ofNullable(row.policyBefore).map(this::policy), policy(row.policyAfter)))
                .toList();
    }

    private TenantPolicy policy(String column) {
        return JsonColumn.read(json, column, StoredPolicy.class, "tenant_policy_change policy").toPolicy();
    }
}
