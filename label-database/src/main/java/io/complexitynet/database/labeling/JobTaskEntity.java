package io.complexitynet.database.labeling;

import io.complexitynet.core.jobs.TaskWorkState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "job_task")
@IdClass(JobTaskKey.class)
public class JobTaskEntity extends PanacheEntityBase {

    @Id
    public String jobId;

    @Id
    public Long taskId;

    @Enumerated(EnumType.STRING)
    public TaskWorkState state;

    public int attempts;

    public String lastError;
}
