package io.complexitynet.trainer.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/** Writes what a router writes for a routed request that carried tests: one routed_sample row per verified answer. */
@ApplicationScoped
public class RoutedSamples {

    @Inject EntityManager entities;
    private final ObjectMapper json = new ObjectMapper();

    /** Gives the tenant a policy row, its feedback trusted or not (in a deployment the router's TenantAdmin writes it). */
    @Transactional
    public void policy(String tenant, boolean feedbackTrusted) {
        entities.createNativeQuery("delete from tenant_policy where tenant = ?1").setParameter(1, tenant).executeUpdate();
        entities.createNativeQuery("insert into tenant_policy (tenant, default_policy, default_threshold, budget_cost_units, budget_period,"
                        + " feedback, feedback_trusted) values (?1, 'paper', 0.5, 0, 'MONTH', true, ?2)")
                .setParameter(1, tenant).setParameter(2, feedbackTrusted).executeUpdate();
    }

    @Transactional
    public void store(String requestId, String tenant, String prompt, List<String> tests, String model, String verdict) throws Exception {
        entities.createNativeQuery("insert into routed_sample (request_id, tenant, prompt, tests, setup_code, model, completion, verdict,"
                        + " classifier_model_id, created_at) values (?1, ?2, ?3, ?4, '', ?5, 'def f(): pass', ?6, 'model-1', ?7)")
                .setParameter(1, requestId).setParameter(2, tenant).setParameter(3, prompt).setParameter(4, json.writeValueAsString(tests))
                .setParameter(5, model).setParameter(6, verdict).setParameter(7, OffsetDateTime.now()).executeUpdate();
    }
}
