package io.complexitynet.database.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** The promoted complexity model, as the services that route with it read it; only the trainer writes these tables. */
@ApplicationScoped
public class ModelPromotions {

    /** The model the latest promotion names, with its stored artifact. */
    public record PromotedModel(String id, long version, byte[] artifact) {
    }

    @Inject EntityManager entities;

    @Transactional
    public Optional<PromotedModel> latest() {
        return entities.createQuery("select m.id, m.version, m.artifact from ModelPromotionEntity p, ComplexityModelEntity m"
                        + " where m.id = p.modelId order by p.promotedAt desc, p.id desc", Object[].class)
                .setMaxResults(1).getResultList().stream().findFirst()
                .map(row -> new PromotedModel((String) row[0], (Long) row[1], (byte[]) row[2]));
    }

    /** The id of the model the latest promotion names, without its artifact: cheap enough to ask every minute. */
    @Transactional
    public Optional<String> latestId() {
        return entities.createQuery("select p.modelId from ModelPromotionEntity p order by p.promotedAt desc, p.id desc", String.class)
                .setMaxResults(1).getResultList().stream().findFirst();
    }
}
