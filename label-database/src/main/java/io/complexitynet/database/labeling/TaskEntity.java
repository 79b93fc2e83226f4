package io.complexitynet.database.labeling;

import io.complexitynet.database.IdentityKeyedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "task")
public class TaskEntity extends IdentityKeyedEntity {

    public Long datasetId;

    public String sourceId;

    public String prompt;

    public String setupCode;

    /** JSON array of test statements. */
    public String tests;

    public String referenceCode;
}
