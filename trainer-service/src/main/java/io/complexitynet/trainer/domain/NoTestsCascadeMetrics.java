package io.complexitynet.trainer.domain;

import io.complexitynet.core.routing.ModelShare;
import io.complexitynet.model.training.CascadeTarget;
import io.complexitynet.model.training.NoTestsCascade;
import io.complexitynet.model.training.NoTestsCascadeReport;
import java.util.List;

/**
 * The no-tests cascade's figures stored with a model: whether it has an answer scorer (and if not, why), the thresholds
 * (one per model but the largest) calibrated on validation for the target (a minimum cost cut, or a minimum pass rate
 * over the solved tasks when {@code minSolvedPassRate} is above 0), the scorer's precision and recall for "this answer
 * passes" on the test split, and the cascade's pass rate, cost cut and calls per model there. Rates are fractions; NaN
 * where undefined (a precision when nothing was accepted).
 */
public record NoTestsCascadeMetrics(boolean trained, String notTrainedReason, List<Double> thresholds, String target,
                                    double minCostCut, double minSolvedPassRate, boolean targetReached, double validationPassRate,
                                    double validationCostCut, double validationSolvedPassRate, double precisionCheapest,
                                    double recallCheapest, double precisionAll, double recallAll, double passRate,
                                    double solvedPassRate, double costCutVsLargest, List<Double> callsPerModel,
                                    int testTasksLeftOut) {

    public NoTestsCascadeMetrics {
        notTrainedReason = notTrainedReason == null ? "" : notTrainedReason;
        // Figures stored before each model had its own threshold have none here; their artefact has the one.
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
        target = target == null ? "" : target;
        callsPerModel = callsPerModel == null ? List.of() : List.copyOf(callsPerModel);
    }

    /** No scorer, for {@code reason}. */
    public static NoTestsCascadeMetrics notTrained(String reason) {
        return new NoTestsCascadeMetrics(false, reason, List.of(), "", 0, 0, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0);
    }

    public static NoTestsCascadeMetrics of(NoTestsCascadeReport report) {
        if (!(report instanceof NoTestsCascadeReport.Trained t)) {
            return notTrained(((NoTestsCascadeReport.NotTrained) report).reason());
        }
        NoTestsCascade.Calibration calibration = t.calibration();
        CascadeTarget target = calibration.target();
        return new NoTestsCascadeMetrics(true, "", calibration.thresholds(), target.describe(),
                target instanceof CascadeTarget.CostCut cut ? cut.min() : 0,
                target instanceof CascadeTarget.SolvedPassRate pass ? pass.min() : 0, calibration.reached(),
                calibration.validation().passRate(), calibration.validationCostCut(), calibration.validationSolvedPassRate(),
                t.cheapest().precision(),
                t.cheapest().recall(), t.all().precision(), t.all().recall(), t.test().passRate(), t.solvedPassRate(),
                t.costCutVsLargest(), t.test().shares().stream().map(ModelShare::share).toList(), t.tasksLeftOut());
    }
}
