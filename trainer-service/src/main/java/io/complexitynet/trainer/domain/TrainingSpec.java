package io.complexitynet.trainer.domain;

import io.complexitynet.model.domain.DataSplit;
import io.complexitynet.model.domain.HeadType;
import io.complexitynet.model.domain.TrainingParameters;

/**
 * The parameters of one training job as stored with it (JSON) and with its model.
 *
 * @param includeRoutedSamples the routers' feedback trains beside the labelling job's labels (see {@link RoutedLabels})
 */
public record TrainingSpec(String split, String headType, int epochs, double learningRate, long seed,
                           int minLabelsPerClass, String encoder, boolean includeRoutedSamples) {

    public TrainingParameters parameters() {
        return new TrainingParameters(HeadType.named(headType), epochs, learningRate, TrainingParameters.defaults().l2(), seed,
                minLabelsPerClass);
    }

    public DataSplit dataSplit() {
        if (!"mbpp".equals(split)) {
            throw new IllegalArgumentException("unknown split '" + split + "'; known: [mbpp]");
        }
        return includeRoutedSamples ? RoutedLabels.withRoutedRowsInTraining(DataSplit.mbpp()) : DataSplit.mbpp();
    }
}
