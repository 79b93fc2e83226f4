package io.complexitynet.router.application;

import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.router.backend.RouterLadder;
import io.complexitynet.router.domain.TenantPolicy;
import io.complexitynet.router.persistence.TenantPolicyChanges;
import io.complexitynet.router.persistence.TenantStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Operators' changes to tenants' policies: each one checked against the router's ladder, written with its record
 * (who, when, before, after) in one transaction, and applied on this replica once committed.
 */
@ApplicationScoped
public class TenantAdministration {

    private static final Logger LOG = Logger.getLogger(TenantAdministration.class);
    /** What a token's tenant claim may be here: short, and safe to print in a log line or a status. */
    private static final Pattern TENANT_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    @Inject TenantStore tenants;
    @Inject TenantPolicyChanges changes;
    @Inject TenantPolicies policies;
    @Inject RouterLadder ladder;

    public TenantPolicy create(TenantPolicy policy, String changedBy) {
        check(policy);
        QuarkusTransaction.requiringNew().run(() -> {
            if (!tenants.create(policy)) {
                throw RequestRefused.alreadyExists("tenant " + policy.tenant() + " already has a policy; UpdateTenant changes it");
            }
            changes.record(changedBy, Optional.empty(), policy);
        });
        return applied(policy, changedBy, "created");
    }

    public TenantPolicy update(TenantPolicy policy, String changedBy) {
        check(policy);
        QuarkusTransaction.requiringNew().run(() -> {
            TenantPolicy before = tenants.policyToChange(policy.tenant()).orElseThrow(() -> notFound(policy.tenant()));
            tenants.save(policy);
            changes.record(changedBy, Optional.of(before), policy);
        });
        return applied(policy, changedBy, "updated");
    }

    public TenantPolicy get(String tenant) {
        return tenants.policy(tenant).orElseThrow(() -> notFound(tenant));
    }

    public List<TenantPolicy> list() {
        return tenants.all();
    }

    /** Any tenant's usage; a tenant without a policy has some only while the router serves a default. */
    public TenantPolicies.Usage usage(String tenant, Optional<LocalDate> from, Optional<LocalDate> to) {
        TenantPolicy policy = policies.find(tenant).orElseThrow(() -> notFound(tenant));
        return policies.usage(policy, from, to);
    }

    public List<TenantPolicyChanges.Change> changes(String tenant) {
        return changes.of(tenant);
    }

    private TenantPolicy applied(TenantPolicy policy, String changedBy, String what) {
        policies.forget(policy.tenant());
        LOG.infof("tenant=%s policy %s by=%s", policy.tenant(), what, changedBy);
        return policy;
    }

    private void check(TenantPolicy policy) {
        if (!TENANT_NAME.matcher(policy.tenant()).matches()) {
            throw RequestRefused.invalidArgument("tenant.tenant", "must be 1 to 100 of A-Z, a-z, 0-9, '.', '_' and '-'");
        }
        List<String> models = ladder.ladder().stream().map(PricedModel::name).toList();
        List<String> allowed = policy.allowedModels().orElse(List.of());
        for (int i = 0; i < allowed.size(); i++) {
            if (!models.contains(allowed.get(i))) {
                throw RequestRefused.invalidArgument("tenant.allowed_models[" + i + "]", allowed.get(i) + " is not on this router's ladder " + models);
            }
        }
        if (policy.maxModel().isPresent() && !models.contains(policy.maxModel().get())) {
            throw RequestRefused.invalidArgument("tenant.max_model", policy.maxModel().get() + " is not on this router's ladder " + models);
        }
    }

    private static RequestRefused notFound(String tenant) {
        return RequestRefused.notFound("tenant " + tenant + " has no policy");
    }
}
