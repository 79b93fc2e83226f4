package io.complexitynet.router.grpc;

import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.proto.v1.Tenant;
import io.complexitynet.proto.v1.TenantChange;
import io.complexitynet.router.domain.BudgetPeriod;
import io.complexitynet.router.domain.Cascade;
import io.complexitynet.router.domain.RoutingMode;
import io.complexitynet.router.domain.TenantPolicy;
import io.complexitynet.router.persistence.TenantPolicyChanges;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The TenantAdmin API's messages as tenants' policies and back; a field that cannot be one is refused by name. */
final class TenantAdminMapping {

    private TenantAdminMapping() {
    }

    static TenantPolicy policy(Tenant wire) {
        RoutingMode mode;
        try {
            mode = RoutingMode.named(wire.getPolicy());
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalidArgument("tenant.policy", e.getMessage());
        }
        if (!(wire.getThreshold() > 0 && wire.getThreshold() <= 1)) {
            throw RequestRefused.invalidArgument("tenant.threshold", "must be in (0, 1], was " + wire.getThreshold());
        }
        if (!(wire.getBudget() >= 0 && Double.isFinite(wire.getBudget()))) {
            throw RequestRefused.invalidArgument("tenant.budget", "must be 0 (unlimited) or more cost units, was " + wire.getBudget());
        }
        int triesPerModel = wire.getTriesPerModel() == 0 ? 1 : wire.getTriesPerModel();
        if (!Cascade.allowedTries(triesPerModel)) {
            throw RequestRefused.invalidArgument("tenant.tries_per_model", "must be 0 (one) or 1 to " + Cascade.MAX_TRIES_PER_MODEL
                    + ", was " + wire.getTriesPerModel());
        }
        BudgetPeriod period = Arrays.stream(BudgetPeriod.values())
                .filter(known -> known.name().equals(wire.getBudgetPeriod().toUpperCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> RequestRefused.invalidArgument("tenant.budget_period", "'" + wire.getBudgetPeriod()
                        + "' is not one of " + Arrays.toString(BudgetPeriod.values())));
        return new TenantPolicy(wire.getTenant(),
                wire.getAllowedModelsCount() == 0 ? Optional.empty() : Optional.of(wire.getAllowedModelsList()),
                wire.getMaxModel().isEmpty() ? Optional.empty() : Optional.of(wire.getMaxModel()),
                mode, wire.getThreshold(), wire.getBudget(), period, wire.getFeedback(), wire.getFeedbackTrusted(), triesPerModel);
    }

    static Tenant tenant(TenantPolicy policy) {
        return Tenant.newBuilder().setTenant(policy.tenant()).addAllAllowedModels(policy.allowedModels().orElse(List.of()))
                .setMaxModel(policy.maxModel().orElse("")).setPolicy(policy.defaultMode().id()).setThreshold(policy.defaultThreshold())
                .setBudget(policy.budgetCostUnits()).setBudgetPeriod(policy.budgetPeriod().name()).setFeedback(policy.feedback())
                .setFeedbackTrusted(policy.feedbackTrusted()).setTriesPerModel(policy.triesPerModel()).build();
    }

    static TenantChange change(TenantPolicyChanges.Change change) {
        TenantChange.Builder wire = TenantChange.newBuilder().setTenant(change.tenant()).setChangedBy(change.changedBy())
                .setChangedAt(change.changedAt().toInstant().toString()).setAfter(tenant(change.after()));
        change.before().ifPresent(before -> wire.setBefore(tenant(before)));
        return wire.build();
    }
}
