package io.complexitynet.reproduce.domain;

/**
 * The model the trainer made from our labels, with the test-split figures its training job reported:
 * classification against the majority and TF-IDF baselines, and routing at the threshold it calibrated
 * on validation, replayed with the real outcomes.
 */
public record TrainedModel(String modelId, long version, double accuracy, double macroF1, double majorityAccuracy,
                           double tfidfAccuracy, double tfidfMacroF1, double threshold, double passRate,
                           double costCutVsLargest) {
}
