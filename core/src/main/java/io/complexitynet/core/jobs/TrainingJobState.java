package io.complexitynet.core.jobs;

/** Where a training job is: running (queued or training), or ended with a model or a failure reason. */
public enum TrainingJobState { RUNNING, SUCCEEDED, FAILED }
