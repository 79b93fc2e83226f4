package io.complexitynet.reproduce.domain;

import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.task.TaskFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything one evaluation measured through the services: the labels, the trained model, its scores on the paper's
 * set (MBPP only), the test split's known outcomes and the routed runs (paper policy and expected-cost at the
 * calibrated threshold, each plain and with the cascade, the cascade from the cheapest model capped at each model
 * below the largest, cheapest cap first (with the paper's ladder the one cap is GPT-3.5, which meets the paper's point),
 * and, when the promoted model has an answer scorer, the scored cascade without tests).
 */
public record Reproduction(EvaluatedOn evaluatedOn, List<PricedModel> ladder, String labelingJobId, LabelDistribution labels,
                           int parked, TrainedModel model, Optional<PaperSetAccuracy> paperSet, KnownOutcomes known,
                           RoutedRun paper, RoutedRun paperCascade, RoutedRun expectedCost, RoutedRun expectedCostCascade,
                           List<RoutedRun> cappedCascades, Optional<ScoredCascadeRun> scoredCascade, Duration took) {

    public Reproduction {
        ladder = List.copyOf(ladder);
        cappedCascades = List.copyOf(cappedCascades);
    }

    public List<RoutedRun> routed() {
        List<RoutedRun> runs = new ArrayList<>(List.of(paper, paperCascade, expectedCost, expectedCostCascade));
        runs.addAll(cappedCascades);
        scoredCascade.ifPresent(scored -> runs.add(scored.run()));
        return runs;
    }

    /** The paper's figures are comparable only on MBPP, with the paper's three models, and its label set scored. */
    public boolean comparesWithPaper() {
        return evaluatedOn.format() == TaskFormat.MBPP && PaperFigures.isPaperLadder(ladder) && paperSet.isPresent();
    }

    /** The report's title: "HumanEval test split, ladder tiny-coder → ... → large-coder". */
    public String title() {
        return evaluatedOn.dataset() + " test split, ladder " + ladder.stream().map(PricedModel::name).collect(Collectors.joining(" → "));
    }
}
