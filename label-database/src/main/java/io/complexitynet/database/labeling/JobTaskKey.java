package io.complexitynet.database.labeling;

import java.io.Serializable;
import java.util.Objects;

/** The (job, task) key of job_task, task_label: one task within one labelling job. */
public class JobTaskKey implements Serializable {

    public String jobId;
    public Long taskId;

    public JobTaskKey() {
    }

    public JobTaskKey(String jobId, Long taskId) {
        this.jobId = jobId;
        this.taskId = taskId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JobTaskKey key && Objects.equals(jobId, key.jobId) && Objects.equals(taskId, key.taskId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobId, taskId);
    }
}
