package io.complexitynet.trainer.domain;

import io.complexitynet.model.domain.SplitParts;
import java.util.List;
import java.util.Optional;

/**
 * What StartTraining asks for: label sources (a labelling job id or a data set's latest completed job, plus any
 * number more in {@code labelingJobIds} and {@code datasets}, trained on together), the split (with its parts when it
 * is explicit), hyper-parameters where zero or empty means the configured default, whether the routers' production
 * feedback trains as well, and the folds of a cross-validation (0 for none).
 */
public record TrainingRequest(String labelingJobId, String dataset, String split, Optional<SplitParts> splitParts, String headType,
                              int epochs, double learningRate, long seed, String startedBy, boolean includeRoutedSamples,
                              List<String> labelingJobIds, List<String> datasets, int crossValidationFolds) {

    public TrainingRequest {
        labelingJobIds = List.copyOf(labelingJobIds);
        datasets = List.copyOf(datasets);
    }
}
