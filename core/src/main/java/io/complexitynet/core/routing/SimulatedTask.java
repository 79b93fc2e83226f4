package io.complexitynet.core.routing;

import io.complexitynet.core.labelling.ModelPasses;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A held-out task as the simulation sees it: the classifier's prediction, and for each ladder model
 * (cheapest first) the pass rate actually recorded for it (passes / tries; 0 or 1 with one try).
 */
public record SimulatedTask(Prediction prediction, double[] actualPassRates) {

    public SimulatedTask {
        Objects.requireNonNull(prediction, "prediction");
        actualPassRates = actualPassRates.clone();
        if (actualPassRates.length == 0) {
            throw new IllegalArgumentException("a simulated task needs the actual pass rate of at least one model");
        }
        for (int i = 0; i < actualPassRates.length; i++) {
            if (!(actualPassRates[i] >= 0 && actualPassRates[i] <= 1)) {
                throw new IllegalArgumentException(
                        "the actual pass rate of model " + i + " must be in [0, 1], was " + actualPassRates[i]);
            }
        }
        if (prediction.models() > 0 && prediction.models() != actualPassRates.length) {
            throw new IllegalArgumentException("the prediction covers " + prediction.models()
                    + " models but actual pass rates are given for " + actualPassRates.length);
        }
    }

    /** A task whose actual pass rates are the recorded pass counts, in ladder order. */
    public static SimulatedTask fromPasses(Prediction prediction, List<ModelPasses> ladder) {
        return new SimulatedTask(prediction, ladder.stream().mapToDouble(ModelPasses::passRate).toArray());
    }

    @Override
    public double[] actualPassRates() {
        return actualPassRates.clone();
    }

    public double actualPassRate(int model) {
        return actualPassRates[model];
    }

    public int models() {
        return actualPassRates.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SimulatedTask that && prediction.equals(that.prediction)
                && Arrays.equals(actualPassRates, that.actualPassRates);
    }

    @Override
    public int hashCode() {
        return 31 * prediction.hashCode() + Arrays.hashCode(actualPassRates);
    }

    @Override
    public String toString() {
        return "SimulatedTask[" + prediction + ", actualPassRates=" + Arrays.toString(actualPassRates) + "]";
    }
}
