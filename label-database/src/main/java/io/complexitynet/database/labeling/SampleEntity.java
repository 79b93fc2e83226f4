package io.complexitynet.database.labeling;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One answer of one model to one task in one job, and the verifier's verdict once it is in. */
@Entity
@Table(name = "sample")
public class SampleEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String jobId;

    public Long taskId;

    public String model;

    public int sampleIndex;

    public String completion;

    public int promptTokens;

    public int completionTokens;

    public long latencyMillis;

    /** A complexitynet.v1 Verdict name without its prefix (PASSED, FAILED, ...); null until verified. */
    public String verdict;

    public String verdictDetail;

    public OffsetDateTime createdAt;

    public OffsetDateTime verifiedAt;
}
