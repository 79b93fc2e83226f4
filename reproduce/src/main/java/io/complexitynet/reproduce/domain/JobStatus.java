package io.complexitynet.reproduce.domain;

/** A long-running job of a service (labelling, training) as one poll of it saw it. */
public interface JobStatus {

    /** Where a job stands: still running, succeeded, or stopped without succeeding (failed, cancelled). */
    enum Phase { RUNNING, SUCCEEDED, STOPPED }

    Phase phase();
}
