package io.complexitynet.core.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether predicted pass probabilities mean what they say: the Brier score, a reliability table over
 * equal-width bins of the predicted probability, and the expected calibration error (the bins' gaps
 * between mean prediction and observed rate, weighted by their share of samples).
 */
public final class CalibrationReport {

    private final int samples;
    private final double brierScore;
    private final List<ReliabilityBin> bins;

    private CalibrationReport(int samples, double brierScore, List<ReliabilityBin> bins) {
        this.samples = samples;
        this.brierScore = brierScore;
        this.bins = bins;
    }

    /**
     * @param predicted predicted probabilities in [0, 1]
     * @param actual the outcomes in [0, 1]: 0 or 1 for one try, a pass rate for several
     * @param bins how many equal-width bins split [0, 1]; the last one includes 1
     */
    public static CalibrationReport of(double[] predicted, double[] actual, int bins) {
        if (predicted.length == 0 || predicted.length != actual.length) {
            throw new IllegalArgumentException("need as many outcomes as predictions, at least one, got "
                    + predicted.length + " predictions and " + actual.length + " outcomes");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("a reliability table needs at least one bin, was " + bins);
        }
        int[] counts = new int[bins];
        double[] predictedSums = new double[bins];
        double[] actualSums = new double[bins];
        double squaredErrors = 0;
        for (int i = 0; i < predicted.length; i++) {
            requireProbability(predicted[i], "prediction", i);
            requireProbability(actual[i], "outcome", i);
            int bin = Math.min((int) (predicted[i] * bins), bins - 1);
            counts[bin]++;
            predictedSums[bin] += predicted[i];
            actualSums[bin] += actual[i];
            squaredErrors += (predicted[i] - actual[i]) * (predicted[i] - actual[i]);
        }
        List<ReliabilityBin> rows = new ArrayList<>();
        for (int bin = 0; bin < bins; bin++) {
            if (counts[bin] > 0) {
                rows.add(new ReliabilityBin((double) bin / bins, (double) (bin + 1) / bins, counts[bin],
                        predictedSums[bin] / counts[bin], actualSums[bin] / counts[bin]));
            }
        }
        return new CalibrationReport(predicted.length, squaredErrors / predicted.length, List.copyOf(rows));
    }

    private static void requireProbability(double value, String what, int sample) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("the " + what + " of sample " + sample + " must be in [0, 1], was " + value);
        }
    }

    public int samples() {
        return samples;
    }

    /** Mean squared difference between prediction and outcome: 0 is perfect, 0.25 is always saying 0.5 on coin flips. */
    public double brierScore() {
        return brierScore;
    }

    /** The reliability table; bins no prediction fell in are left out. */
    public List<ReliabilityBin> bins() {
        return bins;
    }

    public double expectedCalibrationError() {
        return bins.stream().mapToDouble(bin -> bin.count() * bin.gap()).sum() / samples;
    }

    public String toMarkdown() {
        MarkdownTable table = new MarkdownTable(List.of("predicted", "count", "mean predicted", "observed"));
        bins.forEach(bin -> table.row(List.of(
                MarkdownTable.decimal(bin.lower()) + "-" + MarkdownTable.decimal(bin.upper()),
                bin.count(), bin.meanPredicted(), bin.observedRate())));
        return "Brier score " + MarkdownTable.decimal(brierScore) + ", expected calibration error "
                + MarkdownTable.decimal(expectedCalibrationError()) + " (n=" + samples + ")\n\n" + table;
    }
}
