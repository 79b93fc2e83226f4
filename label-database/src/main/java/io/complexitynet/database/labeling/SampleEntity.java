package io.complexitynet.database.labeling;

import io.complexitynet.database.IdentityKeyedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One answer of one model to one task in one job, the verifier's verdict once it is in, and its test-free run's outcome. */
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

    /** A core ProbeOutcome.Kind name (RETURNED, RAISED, ...): the answer's test-free run; null until probed. */
    public String probeKind;

    public Integer probeCalls;

    public Integer probeCallsReturned;

    /** Wall time of the test-free run in the sandbox. */
    public Long probeMillis;

    public OffsetDateTime createdAt;

    public OffsetDateTime verifiedAt;
}
