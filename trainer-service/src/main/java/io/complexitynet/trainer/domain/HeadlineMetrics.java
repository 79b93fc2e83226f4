package io.complexitynet.trainer.domain;

/**
 * The figures stored with every model and shown by GetModel: test-split classification for the model
 * and its baselines, test-split routing at the threshold calibrated on validation, and the validation
 * figures the promotion policy compares.
 */
public record HeadlineMetrics(double accuracy, double macroF1, double majorityAccuracy, double tfidfAccuracy,
                              double tfidfMacroF1, double threshold, double passRate, double costCutVsLargest,
                              double validationPassRate, double validationCost, double apgr, double aiq) {
}
