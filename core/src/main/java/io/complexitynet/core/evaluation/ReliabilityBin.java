package io.complexitynet.core.evaluation;

/**
 * One row of a reliability table: the predictions that fell in [{@code lower}, {@code upper}), how many
 * there were, their mean, and the mean actual outcome of the same samples.
 */
public record ReliabilityBin(double lower, double upper, int count, double meanPredicted, double observedRate) {

    /** How far the bin's predictions are from what happened, in absolute probability. */
    public double gap() {
        return Math.abs(meanPredicted - observedRate);
    }
}
