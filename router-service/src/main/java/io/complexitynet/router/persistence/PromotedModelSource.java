package io.complexitynet.router.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Reads the promoted complexity model the trainer stored; the router never writes these tables. */
@ApplicationScoped
public class PromotedModelSource {

    /** A stored model as the router loads it. */
    public record StoredModel(String id, long version, byte[] artifact) {
    }

    private final EntityManager entities;

    PromotedModelSource(EntityManager entities) {
        this.entities = entities;
    }

    @Transactional
    public Optional<StoredModel> promoted() {
        List<Object[]> rows = entities.createNativeQuery("select m.id, m.version, m.artifact from model_promotion p"
                + " join complexity_model m on m.id = p.model_id order by p.promoted_at desc, p.id desc", Object[].class)
                .setMaxResults(1).getResultList();
        return rows.stream().findFirst().map(row -> new StoredModel((String) row[0], ((Number) row[1]).longValue(), (byte[]) row[2]));
    }
}
