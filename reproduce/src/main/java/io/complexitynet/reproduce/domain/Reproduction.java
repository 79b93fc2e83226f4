package io.complexitynet.reproduce.domain;

import io.complexitynet.core.routing.PricedModel;
import java.time.Duration;
import java.util.List;

/**
 * Everything one reproduction measured through the services: the labels, the trained model, its scores on
 * the paper's set, the test split's known outcomes and the routed runs (paper policy and expected-cost at
 * the calibrated threshold, each plain and with the cascade, and the cascade from the cheapest model up to
 * the one below the largest, which is what meets the paper's operating point).
 */
public record Reproduction(List<PricedModel> ladder, String labelingJobId, LabelDistribution labels, int parked,
                           TrainedModel model, PaperSetAccuracy paperSet, KnownOutcomes known, RoutedRun paper,
                           RoutedRun paperCascade, RoutedRun expectedCost, RoutedRun expectedCostCascade,
                           RoutedRun cheapestCascadeBelowLargest, Duration took) {

    public List<RoutedRun> routed() {
        return List.of(paper, paperCascade, expectedCost, expectedCostCascade, cheapestCascadeBelowLargest);
    }
}
