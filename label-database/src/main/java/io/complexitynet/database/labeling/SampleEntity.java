package io.complexitynet.database.labeling;

import io.complexitynet.database.IdentityKeyedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One answer of one model to one task in one job, and the verifier's verdict once it is in. */
@Entity
@Table(name = "sample")
public class SampleEntity extends IdentityKeyedEntity {

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
