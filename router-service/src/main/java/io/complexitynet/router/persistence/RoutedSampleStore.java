package io.complexitynet.router.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/** Routed requests that carried tests, kept as tenant-tagged samples for the labeler and trainer. */
@ApplicationScoped
public class RoutedSampleStore {

    /** One verified answer to a routed request. */
    public record RoutedSample(String requestId, String tenant, String prompt, List<String> tests, String setupCode, String model,
                               String completion, String verdict, String classifierModelId) {
    }

    private final EntityManager entities;
    private final ObjectMapper json;

    RoutedSampleStore(EntityManager entities, ObjectMapper json) {
        this.entities = entities;
        this.json = json;
    }

    /** Stores the sample once: a retried request with the same id adds nothing. */
    @Transactional
    public void store(RoutedSample sample) {
        String tests;
        try {
            tests = json.writeValueAsString(sample.tests());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write tests as JSON", e);
        }
        entities.createNativeQuery("insert into routed_sample (request_id, tenant, prompt, tests, setup_code, model, completion, verdict,"
                        + " classifier_model_id, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) on conflict do nothing")
                .setParameter(1, sample.requestId()).setParameter(2, sample.tenant()).setParameter(3, sample.prompt())
                .setParameter(4, tests).setParameter(5, sample.setupCode()).setParameter(6, sample.model())
                .setParameter(7, sample.completion()).setParameter(8, sample.verdict()).setParameter(9, sample.classifierModelId())
                .setParameter(10, OffsetDateTime.now()).executeUpdate();
    }

    @Transactional
    public long count(String tenant) {
        return ((Number) entities.createNativeQuery("select count(*) from routed_sample where tenant = ?1").setParameter(1, tenant)
                .getSingleResult()).longValue();
    }
}
