package io.complexitynet.reproduce.domain;

import java.util.OptionalInt;

/**
 * What the labeler found for one task: its complexity (empty when no model solved it) and, per ladder
 * model cheapest first, the share of that model's answers the verifier passed.
 */
public record TaskOutcome(String taskId, OptionalInt complexity, double[] passRates) {

    public TaskOutcome {
        passRates = passRates.clone();
    }

    @Override
    public double[] passRates() {
        return passRates.clone();
    }

    /** A task the labeler set aside (parked) or never labelled: no model is known to pass it. */
    public static TaskOutcome unknown(String taskId, int models) {
        return new TaskOutcome(taskId, OptionalInt.empty(), new double[models]);
    }
}
