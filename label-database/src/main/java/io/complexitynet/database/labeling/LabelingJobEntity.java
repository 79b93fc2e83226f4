package io.complexitynet.database.labeling;

import io.complexitynet.core.jobs.LabelingJobState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

@Entity
@Table(name = "labeling_job")
public class LabelingJobEntity extends PanacheEntityBase {

    @Id
    public String id;

    public Long datasetId;

    /** Comma-separated model names, cheapest first. */
    public String models;

    public int samplesPerModel;

    public double temperature;

    public String ruleId;

    public double reliablePassRate;

    public String ruleVersion;

    @Enumerated(EnumType.STRING)
    public LabelingJobState state;

    public int tasksTotal;

    public String startedBy;

    public OffsetDateTime createdAt;

    public OffsetDateTime finishedAt;

    public boolean eventPublished;

    public List<String> ladder() {
        return Arrays.asList(models.split(","));
    }
}
