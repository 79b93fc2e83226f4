package io.complexitynet.trainer.persistence;

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

    public enum State { RUNNING, SUCCEEDED, FAILED }

    @Id
    public String id;

    public String labelingJobId;

    /** JSON of the training parameters. */
    public String parameters;

    @Enumerated(EnumType.STRING)
    public State state;

    public String stage;

    public double progress;

    public String failureReason;

    public String startedBy;

    public OffsetDateTime createdAt;

    public OffsetDateTime finishedAt;
}
