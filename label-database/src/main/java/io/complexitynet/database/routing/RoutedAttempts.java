package io.complexitynet.database.routing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.database.JsonColumn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** The verified answers the routers kept, as the trainer learns from them; only the routers write routed_sample. */
@ApplicationScoped
public class RoutedAttempts {

    /** One model's answer to a routed request with tests, the tenant that sent it, and its verdict name (PASSED, FAILED, ...). */
    public record Attempt(String tenant, String prompt, List<String> tests, String model, String verdict) {
    }

    private static final TypeReference<List<String>> TESTS = new TypeReference<>() { };

    @Inject EntityManager entities;
    @Inject ObjectMapper json;

    /**
     * Every kept answer of the tenants whose feedback the operator trusts, oldest first. A tenant writes its own
     * tests, so an untrusted tenant's verdicts (an {@code assert True} passes any model) never reach training.
     */
    @Transactional
    public List<Attempt> trusted() {
        return entities.createQuery("select s.tenant, s.prompt, s.tests, s.model, s.verdict from RoutedSampleEntity s where s.tenant in"
                        + " (select p.tenant from TenantPolicyEntity p where p.feedbackTrusted = true) order by s.id", Object[].class)
                .getResultList().stream()
                .map(row -> new Attempt((String) row[0], (String) row[1], JsonColumn.read(json, (String) row[2], TESTS, "a routed sample's tests"),
                        (String) row[3], (String) row[4]))
                .toList();
    }
}
