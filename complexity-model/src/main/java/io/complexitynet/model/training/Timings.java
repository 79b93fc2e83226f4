package io.complexitynet.model.training;

import java.time.Duration;

/**
 * Where a training run spent its time.
 *
 * @param embedding encoding every prompt of the split
 * @param fitting the classifier, the pass heads, their calibration, the source selection and the baselines
 * @param evaluation the test-split reports and routing simulations
 */
public record Timings(Duration embedding, Duration fitting, Duration evaluation) {

    public Duration total() {
        return embedding.plus(fitting).plus(evaluation);
    }
}
