package io.complexitynet.trainer.domain;

import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.routing.RoutingOutcome;
import io.complexitynet.model.training.CalibratedRouting;
import io.complexitynet.model.training.CrossValidationReport;
import io.complexitynet.model.training.FoldFigures;
import io.complexitynet.model.training.GapMetrics;
import io.complexitynet.model.training.TrainingReport;
import java.util.List;

/**
 * The figures stored with every model and shown by GetModel: test-split classification for the model
 * and its baselines, test-split routing at the threshold calibrated on validation, and the validation
 * figures the promotion policy compares; with a cross-validation, each fold's figures; and the no-tests cascade's.
 */
public record HeadlineMetrics(double accuracy, double macroF1, double majorityAccuracy, double tfidfAccuracy,
                              double tfidfMacroF1, double threshold, double passRate, double costCutVsLargest,
                              double validationPassRate, double validationCost, double apgr, double aiq,
                              List<FoldFigures> crossValidationFolds, NoTestsCascadeMetrics noTestsCascade) {

    public HeadlineMetrics {
        // Models stored before cross-validation have no folds, and those stored before the no-tests cascade no scorer.
        crossValidationFolds = crossValidationFolds == null ? List.of() : List.copyOf(crossValidationFolds);
        noTestsCascade = noTestsCascade == null ? NoTestsCascadeMetrics.notTrained("trained before the no-tests cascade existed")
                : noTestsCascade;
    }

    /**
     * The headline of a training run's report on this ladder; APGR is that of the cheapest model against the
     * largest, NaN when the largest was no better on the test split (the report then has no such gap).
     */
    public static HeadlineMetrics of(TrainingReport report, List<PricedModel> ladder) {
        CalibratedRouting routing = report.routing().headline();
        RoutingOutcome validation = routing.validation().point().outcome();
        String weak = ladder.get(0).name();
        String strong = ladder.get(ladder.size() - 1).name();
        double apgr = report.routing().gaps().stream().filter(g -> g.weak().equals(weak) && g.strong().equals(strong))
                .mapToDouble(GapMetrics::apgr).findFirst().orElse(Double.NaN);
        return new HeadlineMetrics(report.classification().model().accuracy(), report.classification().model().macroF1(),
                report.classification().majority().accuracy(), report.classification().tfIdf().accuracy(),
                report.classification().tfIdf().macroF1(), routing.validation().threshold(), routing.test().passRate(),
                routing.test().costCutVersus(report.routing().alwaysLargest()), validation.passRate(), validation.meanCost(), apgr,
                report.routing().aiqPlain(), List.of(), NoTestsCascadeMetrics.of(report.noTestsCascade()));
    }

    /** These figures with a cross-validation's folds. */
    public HeadlineMetrics withCrossValidation(CrossValidationReport crossValidation) {
        return new HeadlineMetrics(accuracy, macroF1, majorityAccuracy, tfidfAccuracy, tfidfMacroF1, threshold, passRate, costCutVsLargest,
                validationPassRate, validationCost, apgr, aiq, crossValidation.folds(), noTestsCascade);
    }
}
