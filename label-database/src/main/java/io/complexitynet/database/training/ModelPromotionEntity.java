package io.complexitynet.database.training;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A promotion; the newest is the model routers use. */
@Entity
@Table(name = "model_promotion")
public class ModelPromotionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String modelId;

    public String promotedBy;

    public OffsetDateTime promotedAt;

    /** The model-promoted event has been confirmed by the broker (outbox flag). */
    public boolean eventPublished;
}
