package io.complexitynet.database.routing;

import io.complexitynet.database.IdentityKeyedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One verified answer to a routed request that carried tests: production feedback the trainer learns from. */
@Entity
@Table(name = "routed_sample")
public class RoutedSampleEntity extends IdentityKeyedEntity {

    /** The request's id and the attempt's index: a retried write stores nothing twice. */
    public String requestId;

    public String tenant;

    public String prompt;

    /** JSON array of test statements. */
    public String tests;

    public String setupCode;

    public String model;

    public String completion;

    /** A complexitynet.v1 Verdict name without its prefix. */
    public String verdict;

    public String classifierModelId;

    public OffsetDateTime createdAt;
}
