package io.complexitynet.core.routing;

import java.util.List;

/** Test data: the paper's three-model ladder and tasks built from predicted and actual pass rates. */
final class Tasks {

    static final List<PricedModel> LADDER = List.of(new PricedModel("small", 1), new PricedModel("middle", 10),
            new PricedModel("large", 100));

    static final RoutingSimulation SIMULATION = new RoutingSimulation(LADDER);

    /**
     * Four tasks on {@link #LADDER}: one every model solves, one from the middle model up, one only the
     * large model solves, one no model solves.
     */
    static final List<SimulatedTask> FOUR = List.of(
            task(predicted(0.9, 0.95, 0.99), 1, 1, 1),
            task(predicted(0.2, 0.8, 0.9), 0, 1, 1),
            task(predicted(0.1, 0.3, 0.7), 0, 0, 1),
            task(predicted(0.6, 0.7, 0.8), 0, 0, 0));

    private Tasks() {
    }

    static Prediction predicted(double... passProbabilities) {
        return Prediction.ofPassProbabilities(passProbabilities);
    }

    static SimulatedTask task(Prediction prediction, double... actualPassRates) {
        return new SimulatedTask(prediction, actualPassRates);
    }

    static RoutingOutcome outcome(double passRate, double meanCost, double largestShare) {
        return new RoutingOutcome("hand-made", 100, passRate, meanCost, List.of(
                new ModelShare("small", 1 - largestShare), new ModelShare("large", largestShare)));
    }
}
