package io.complexitynet.labeler.domain;

/** Where a labelling job is: running until every task is labelled or parked, or cancelled. */
public enum JobState {
    RUNNING, COMPLETED, CANCELLED
}
