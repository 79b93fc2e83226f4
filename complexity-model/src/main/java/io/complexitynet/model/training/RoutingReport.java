package io.complexitynet.model.training;

import io.complexitynet.core.routing.OperatingPoint;
import io.complexitynet.core.routing.RoutingOutcome;
import java.util.List;

/**
 * Routing replayed on the test split with the tasks' real outcomes. Tasks no model solved stay in: they
 * fail under every policy, the oracle included.
 *
 * @param alwaysModel one fixed policy per ladder model, cheapest first
 * @param byComplexity the paper's allocation by predicted complexity
 * @param byComplexityCascade the same start, escalating on failure
 * @param cascadeFromCheapest escalating from the cheapest model with no classifier at all: what tests at
 *     request time achieve alone
 * @param plainSweep the threshold policy over thresholds 0, 0.01, ..., 1
 * @param cascadeSweep the same with escalation
 * @param calibrated thresholds chosen on validation for the targets, headline first
 * @param gaps APGR and CPT for the weak/strong pairs where the strong model is better on the test split
 * @param aiqPlain RouterBench's AIQ over the plain sweep
 * @param aiqCascade AIQ over the cascade sweep
 * @param aiqFixedModels AIQ of the fixed policies alone (mixing them at random, no router): the bar a
 *     router's plain AIQ has to clear
 * @param triesPerModel retries before escalation: the cascades with 1, 2, ... answers per model
 */
public record RoutingReport(int tasks, int unsolved, List<RoutingOutcome> alwaysModel, RoutingOutcome oracle,
        RoutingOutcome byComplexity, RoutingOutcome byComplexityCascade, RoutingOutcome cascadeFromCheapest,
        List<OperatingPoint> plainSweep, List<OperatingPoint> cascadeSweep, List<CalibratedRouting> calibrated,
        List<GapMetrics> gaps, double aiqPlain, double aiqCascade, double aiqFixedModels, List<TriesPerModelOutcome> triesPerModel) {

    public RoutingReport {
        alwaysModel = List.copyOf(alwaysModel);
        plainSweep = List.copyOf(plainSweep);
        cascadeSweep = List.copyOf(cascadeSweep);
        calibrated = List.copyOf(calibrated);
        gaps = List.copyOf(gaps);
        triesPerModel = List.copyOf(triesPerModel);
    }

    /** The policy that always calls the most expensive model, the reference for cost cuts. */
    public RoutingOutcome alwaysLargest() {
        return alwaysModel.get(alwaysModel.size() - 1);
    }

    /** The headline: the plain threshold policy at the threshold calibrated for the first target. */
    public CalibratedRouting headline() {
        return calibrated.get(0);
    }
}
