package io.complexitynet.trainer.domain;

import io.complexitynet.model.domain.SplitParts;
import java.util.Optional;

/**
 * What StartTraining asks for: a label source (a labelling job id or a data set's latest completed
 * job; exactly one), the split (with its parts when it is explicit), hyper-parameters where zero or empty means the
 * configured default, and whether the routers' production feedback trains as well.
 */
public record TrainingRequest(String labelingJobId, String dataset, String split, Optional<SplitParts> splitParts, String headType,
                              int epochs, double learningRate, long seed, String startedBy, boolean includeRoutedSamples) {
}
