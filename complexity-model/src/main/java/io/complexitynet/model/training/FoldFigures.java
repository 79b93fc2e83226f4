package io.complexitynet.model.training;

/**
 * The headline figures of one cross-validation fold, measured on its held-out tasks: complexity classification (the
 * model's and its baselines', solved tasks only) and routing at the threshold calibrated on the fold's validation part.
 *
 * @param fold 1 to k
 * @param costCutVsLargest the cost saved against always calling the largest model, 0..1
 */
public record FoldFigures(int fold, int trainTasks, int validationTasks, int testTasks, double accuracy, double macroF1,
        double majorityAccuracy, double tfidfAccuracy, double passRate, double costCutVsLargest) {

    static FoldFigures of(int fold, TrainingReport report) {
        ClassificationComparison classification = report.classification();
        CalibratedRouting headline = report.routing().headline();
        return new FoldFigures(fold, report.sizes().train(), report.sizes().validation(), report.sizes().test(),
                classification.model().accuracy(), classification.model().macroF1(), classification.majority().accuracy(),
                classification.tfIdf().accuracy(), headline.test().passRate(),
                headline.test().costCutVersus(report.routing().alwaysLargest()));
    }
}
