package io.complexitynet.core.jobs;

import java.util.List;

/** One task of one job: not yet sent to the broker, sent, labelled, or set aside after failing every retry. */
public enum TaskWorkState {
    PENDING, QUEUED, LABELLED, PARKED;

    /** States of a task the job still waits for. */
    public static final List<TaskWorkState> OPEN = List.of(PENDING, QUEUED);
}
