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

    /** One model's answer to a routed request with tests, and its verdict name (PASSED, FAILED, ...). */
    public record Attempt(String prompt, List<String> tests, String model, String verdict) {
    }

    private static final TypeReference<List<String>> TESTS = new TypeReference<>() { };

    @Inject EntityManager entities;
    @Inject ObjectMapper json;

    /** Every kept answer, oldest first (only tenants that allow feedback have any). */
    @Transactional
    public List<Attempt> all() {
        return entities.createQuery("select s.prompt, s.tests, s.model, s.verdict from RoutedSampleEntity s order by s.id", Object[].class)
                .getResultList().stream()
                .map(row -> new Attempt((String) row[0], JsonColumn.read(json, (String) row[1], TESTS, "a routed sample's tests"),
                        (String) row[2], (String) row[3]))
                .toList();
    }
}
