package io.complexitynet.core.jobs;

/** Where a labelling job is: running until every task is labelled or parked, or cancelled. */
public enum LabelingJobState {
    RUNNING, COMPLETED, CANCELLED
}
