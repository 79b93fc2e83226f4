package io.complexitynet.core.routing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * What the classifier says about one request: its predicted complexity class, when it gives one, and
 * for each ladder model (cheapest first) the predicted probability that the model's answer passes.
 */
public record Prediction(OptionalInt complexity, double[] passProbabilities) {

    public Prediction {
        Objects.requireNonNull(complexity, "complexity");
        passProbabilities = passProbabilities.clone();
        if (complexity.isEmpty() && passProbabilities.length == 0) {
            throw new IllegalArgumentException("a prediction needs a complexity or pass probabilities");
        }
        if (complexity.isPresent() && complexity.getAsInt() < 0) {
            throw new IllegalArgumentException("a complexity is never negative, was " + complexity.getAsInt());
        }
        for (int i = 0; i < passProbabilities.length; i++) {
            if (!(passProbabilities[i] >= 0 && passProbabilities[i] <= 1)) {
                throw new IllegalArgumentException(
                        "the pass probability of model " + i + " must be in [0, 1], was " + passProbabilities[i]);
            }
        }
    }

    public static Prediction of(int complexity, double... passProbabilities) {
        return new Prediction(OptionalInt.of(complexity), passProbabilities);
    }

    public static Prediction ofComplexity(int complexity) {
        return new Prediction(OptionalInt.of(complexity), new double[0]);
    }

    public static Prediction ofPassProbabilities(double... passProbabilities) {
        return new Prediction(OptionalInt.empty(), passProbabilities);
    }

    @Override
    public double[] passProbabilities() {
        return passProbabilities.clone();
    }

    /** How many ladder models the prediction gives a pass probability for (0 when it only has a complexity). */
    public int models() {
        return passProbabilities.length;
    }

    public double passProbability(int model) {
        if (model < 0 || model >= passProbabilities.length) {
            throw new IllegalArgumentException(
                    "no pass probability for model " + model + ": the prediction has " + passProbabilities.length);
        }
        return passProbabilities[model];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Prediction that && complexity.equals(that.complexity)
                && Arrays.equals(passProbabilities, that.passProbabilities);
    }

    @Override
    public int hashCode() {
        return 31 * complexity.hashCode() + Arrays.hashCode(passProbabilities);
    }

    @Override
    public String toString() {
        String probabilities = Arrays.stream(passProbabilities)
                .mapToObj(p -> String.format(Locale.ROOT, "%.3f", p))
                .collect(Collectors.joining(", ", "[", "]"));
        return "Prediction[complexity=" + (complexity.isPresent() ? complexity.getAsInt() : "none")
                + ", passProbabilities=" + probabilities + "]";
    }
}
