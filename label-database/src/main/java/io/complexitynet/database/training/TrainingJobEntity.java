package io.complexitynet.database.training;

import io.complexitynet.core.jobs.TrainingJobState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "training_job")
public class TrainingJobEntity extends PanacheEntityBase {

    @Id
    public String id;

    public String labelingJobId;

    /** JSON of the training parameters. */
    public String parameters;

    @Enumerated(EnumType.STRING)
    public TrainingJobState state;

    public String stage;

    public double progress;

    public String failureReason;

    public String startedBy;

    public OffsetDateTime createdAt;

    public OffsetDateTime finishedAt;
}
