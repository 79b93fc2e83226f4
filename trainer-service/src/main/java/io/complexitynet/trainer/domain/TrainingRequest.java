package io.complexitynet.trainer.domain;

/**
 * What StartTraining asks for: a label source (a labelling job id or a data set's latest completed
 * job; exactly one), the split, hyper-parameters where zero or empty means the configured default, and
 * whether the routers' production feedback trains as well.
 */
public record TrainingRequest(String labelingJobId, String dataset, String split, String headType, int epochs,
                              double learningRate, long seed, String startedBy, boolean includeRoutedSamples) {
}
