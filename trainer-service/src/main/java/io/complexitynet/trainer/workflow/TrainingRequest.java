package io.complexitynet.trainer.workflow;

/**
 * What StartTraining asks for: a label source (a labelling job id or a data set's latest completed
 * job; exactly one), the split, and hyper-parameters where zero or empty means the configured default.
 */
public record TrainingRequest(String labelingJobId, String dataset, String split, String headType, int epochs,
                              double learningRate, long seed, String startedBy) {
}
