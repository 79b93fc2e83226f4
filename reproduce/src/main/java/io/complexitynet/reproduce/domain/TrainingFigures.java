package io.complexitynet.reproduce.domain;

/**
 * What a training job measured for its model on MBPP's test split: classification against the majority and TF-IDF
 * baselines, and routing at the threshold it calibrated on validation, replayed with the real outcomes.
 */
public record TrainingFigures(double accuracy, double macroF1, double majorityAccuracy, double tfidfAccuracy, double tfidfMacroF1,
                              double threshold, double passRate, double costCutVsLargest) {
}
