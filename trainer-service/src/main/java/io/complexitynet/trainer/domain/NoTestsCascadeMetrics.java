package io.complexitynet.trainer.domain;

import io.complexitynet.core.routing.ModelShare;
import io.complexitynet.model.training.NoTestsCascadeReport;
import java.util.List;

/**
 * The no-tests cascade's figures stored with a model: whether it has an answer scorer (and if not, why), the threshold
 * calibrated on validation for the cost-cut target, the scorer's precision and recall for "this answer passes" on the
 * test split, and the cascade's pass rate, cost cut and calls per model there. Rates are fractions; NaN where undefined
 * (a precision when nothing was accepted).
 */
public record NoTestsCascadeMetrics(boolean trained, String notTrainedReason, double threshold, double minCostCut,
                                    boolean costTargetReached, double validationPassRate, double validationCostCut,
                                    double precisionCheapest, double recallCheapest, double precisionAll, double recallAll,
                                    double passRate, double solvedPassRate, double costCutVsLargest, List<Double> callsPerModel,
                                    int testTasksLeftOut) {

    public NoTestsCascadeMetrics {
        notTrainedReason = notTrainedReason == null ? "" : notTrainedReason;
        callsPerModel = callsPerModel == null ? List.of() : List.copyOf(callsPerModel);
    }

    /** No scorer, for {@code reason}. */
    public static NoTestsCascadeMetrics notTrained(String reason) {
        return new NoTestsCascadeMetrics(false, reason, 0, 0, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0);
    }

    public static NoTestsCascadeMetrics of(NoTestsCascadeReport report) {
        if (!(report instanceof NoTestsCascadeReport.Trained t)) {
            return notTrained(((NoTestsCascadeReport.NotTrained) report).reason());
        }
        return new NoTestsCascadeMetrics(true, "", t.scorer().threshold(), t.calibration().minCostCut(), t.calibration().reached(),
                t.calibration().validation().passRate(), t.calibration().validationCostCut(), t.cheapest().precision(),
                t.cheapest().recall(), t.all().precision(), t.all().recall(), t.test().passRate(), t.solvedPassRate(),
                t.costCutVsLargest(), t.test().shares().stream().map(ModelShare::share).toList(), t.tasksLeftOut());
    }
}
