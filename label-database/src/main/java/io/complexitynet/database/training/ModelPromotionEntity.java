package io.complexitynet.database.training;

import io.complexitynet.database.IdentityKeyedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A promotion; the newest is the model routers use. */
@Entity
@Table(name = "model_promotion")
public class ModelPromotionEntity extends IdentityKeyedEntity {

    public String modelId;

    public String promotedBy;

    public OffsetDateTime promotedAt;

    /** The model-promoted event has been confirmed by the broker (outbox flag). */
    public boolean eventPublished;
}
