package io.complexitynet.model.training;

import io.complexitynet.core.routing.CalibratedThreshold;
import io.complexitynet.core.routing.ComplexityPolicy;
import io.complexitynet.core.routing.FixedPolicy;
import io.complexitynet.core.routing.OperatingPoint;
import io.complexitynet.core.routing.PerformanceGapCurve;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.routing.RouterQuality;
import io.complexitynet.core.routing.RoutingOutcome;
import io.complexitynet.core.routing.RoutingSimulation;
import io.complexitynet.core.routing.SimulatedTask;
import io.complexitynet.core.routing.ThresholdCalibration;
import io.complexitynet.core.routing.ThresholdPolicy;
import io.complexitynet.core.routing.ThresholdSweep;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Replays the policies over the test split and calibrates the threshold policy's knob on validation.
 * Targets, headline first: an expected pass rate at least the largest model's own on validation (its
 * quality for less), and at most 20% of requests to the largest model (a budget).
 */
final class RoutingEvaluation {

    private static final int SWEEP_STEPS = 100;
    private static final double LARGEST_SHARE_BUDGET = 0.2;
    /** Retries before escalation reported, 1 to this many answers per model. */
    private static final int MOST_TRIES_REPORTED = 3;

    private final RoutingSimulation simulation;
    private final int ladderSize;

    RoutingEvaluation(List<PricedModel> ladder) {
        this.simulation = new RoutingSimulation(ladder);
        this.ladderSize = ladder.size();
    }

    RoutingReport evaluate(ComplexityPolicy byComplexity, List<SimulatedTask> validation, List<SimulatedTask> test,
            int unsolvedTest) {
        List<RoutingOutcome> alwaysModel = new ArrayList<>();
        for (int model = 0; model < ladderSize; model++) {
            alwaysModel.add(simulation.run(new FixedPolicy(model), test));
        }
        List<Double> thresholds = ThresholdSweep.evenlySpaced(SWEEP_STEPS);
        ThresholdSweep testSweep = new ThresholdSweep(simulation, test);
        List<OperatingPoint> plain = testSweep.plain(thresholds);
        List<OperatingPoint> cascade = testSweep.cascade(thresholds);

        ThresholdSweep validationSweep = new ThresholdSweep(simulation, validation);
        ThresholdCalibration plainCalibration = new ThresholdCalibration(validationSweep.plain(thresholds));
        ThresholdCalibration cascadeCalibration = new ThresholdCalibration(validationSweep.cascade(thresholds));
        double largestPass = simulation.run(new FixedPolicy(ladderSize - 1), validation).passRate();
        List<CalibratedRouting> calibrated = List.of(
                calibrated(false, plainCalibration.expectedPassAtLeast(largestPass), test),
                calibrated(true, cascadeCalibration.expectedPassAtLeast(largestPass), test),
                calibrated(false, plainCalibration.largestShareAtMost(LARGEST_SHARE_BUDGET), test),
                calibrated(true, cascadeCalibration.largestShareAtMost(LARGEST_SHARE_BUDGET), test));

        double aiqFixedModels = RouterQuality.aiq(alwaysModel.stream().map(RoutingOutcome::costQuality).toList());
        ThresholdPolicy escalating = new ThresholdPolicy(calibrated.get(1).validation().threshold(), ladderSize);
        List<TriesPerModelOutcome> triesPerModel = new ArrayList<>();
        for (int tries = 1; tries <= MOST_TRIES_REPORTED; tries++) {
            triesPerModel.add(new TriesPerModelOutcome(tries, simulation.cascade(new FixedPolicy(0), test, tries),
                    simulation.cascade(escalating, test, tries)));
        }
        return new RoutingReport(test.size(), unsolvedTest, alwaysModel, simulation.oracle(test),
                simulation.run(byComplexity, test), simulation.cascade(byComplexity, test),
                simulation.cascade(new FixedPolicy(0), test), plain, cascade, calibrated, gaps(test), aiq(plain),
                aiq(cascade), aiqFixedModels, triesPerModel);
    }

    private CalibratedRouting calibrated(boolean cascade, CalibratedThreshold threshold, List<SimulatedTask> test) {
        ThresholdPolicy policy = new ThresholdPolicy(threshold.threshold(), ladderSize);
        return new CalibratedRouting(cascade, threshold,
                cascade ? simulation.cascade(policy, test) : simulation.run(policy, test));
    }

    /** Smallest against largest, and (on longer ladders) the second largest against the largest. */
    private List<GapMetrics> gaps(List<SimulatedTask> test) {
        List<GapMetrics> gaps = new ArrayList<>();
        List<Integer> weakModels = ladderSize > 2 ? List.of(0, ladderSize - 2) : List.of(0);
        for (int weak : weakModels) {
            int strong = ladderSize - 1;
            if (weak == strong || mean(test, task -> task.actualPassRate(strong)) <= mean(test, task -> task.actualPassRate(weak))) {
                continue;
            }
            PerformanceGapCurve curve = RouterQuality.performanceGap(test, weak, strong);
            List<PricedModel> ladder = simulation.ladder();
            gaps.add(new GapMetrics(ladder.get(weak).name(), ladder.get(strong).name(), curve.apgr(),
                    curve.callPerformanceThreshold(0.5), curve.callPerformanceThreshold(0.8)));
        }
        return gaps;
    }

    private static double mean(List<SimulatedTask> tasks, Function<SimulatedTask, Double> value) {
        return tasks.stream().mapToDouble(value::apply).average().orElse(0);
    }

    private static double aiq(List<OperatingPoint> sweep) {
        return RouterQuality.aiq(sweep.stream().map(OperatingPoint::costQuality).toList());
    }
}
