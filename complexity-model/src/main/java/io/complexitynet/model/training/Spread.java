package io.complexitynet.model.training;

/**
 * The mean of a figure over the folds of a cross-validation and its sample standard deviation (dividing by
 * {@code n - 1}: the folds are a sample of the splits the data allows); 0 for a single value.
 */
public record Spread(double mean, double standardDeviation) {

    public static Spread of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a spread needs at least one value");
        }
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        double mean = sum / values.length;
        if (values.length == 1) {
            return new Spread(mean, 0);
        }
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return new Spread(mean, Math.sqrt(squares / (values.length - 1)));
    }
}
