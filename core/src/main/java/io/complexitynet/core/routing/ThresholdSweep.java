package io.complexitynet.core.routing;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The threshold policy's outcome at every setting of its knob over one set of tasks: the cost/quality
 * curve from which a threshold is calibrated and AIQ is computed.
 */
public final class ThresholdSweep {

    private final RoutingSimulation simulation;
    private final List<SimulatedTask> tasks;

    public ThresholdSweep(RoutingSimulation simulation, List<SimulatedTask> tasks) {
        this.simulation = simulation;
        this.tasks = List.copyOf(tasks);
    }

    /** Each request goes to the model the threshold picks, without escalation. */
    public List<OperatingPoint> plain(List<Double> thresholds) {
        return thresholds.stream()
                .map(threshold -> new OperatingPoint(threshold, simulation.run(policy(threshold), tasks)))
                .toList();
    }

    /** Each request starts at the model the threshold picks and escalates on failure. */
    public List<OperatingPoint> cascade(List<Double> thresholds) {
        return thresholds.stream()
                .map(threshold -> new OperatingPoint(threshold, simulation.cascade(policy(threshold), tasks)))
                .toList();
    }

    private ThresholdPolicy policy(double threshold) {
        return new ThresholdPolicy(threshold, simulation.ladder().size());
    }

    /** 0, 1/steps, 2/steps, ..., 1: {@code evenlySpaced(20)} gives 0.00, 0.05, ..., 1.00. */
    public static List<Double> evenlySpaced(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("a sweep needs at least one step, was " + steps);
        }
        return IntStream.rangeClosed(0, steps).mapToObj(step -> (double) step / steps).toList();
    }

    /**
     * 0 and every distinct predicted pass probability, ascending: the decisions only change at these
     * values, so this sweep reaches every operating point the policy has on these tasks.
     */
    public static List<Double> distinctPredictions(List<SimulatedTask> tasks) {
        TreeSet<Double> thresholds = new TreeSet<>();
        thresholds.add(0.0);
        for (SimulatedTask task : tasks) {
            for (double probability : task.prediction().passProbabilities()) {
                thresholds.add(probability);
            }
        }
        return List.copyOf(thresholds);
    }
}
