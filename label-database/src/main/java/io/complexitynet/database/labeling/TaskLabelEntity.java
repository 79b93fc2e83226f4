package io.complexitynet.database.labeling;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "task_label")
@IdClass(JobTaskKey.class)
public class TaskLabelEntity extends PanacheEntityBase {

    @Id
    public String jobId;

    @Id
    public Long taskId;

    /** JSON array of {"model", "passes", "tries"}, in ladder order. */
    public String passCounts;

    public int tries;

    /** Null when no model solved the task. */
    public Integer complexity;

    public String ruleVersion;

    public OffsetDateTime createdAt;
}
