package io.complexitynet.model.learning;

import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * Platt scaling: calibrated p = sigmoid(slope * logit(raw p) + intercept), a one-feature logistic
 * regression fitted (by Tribuo) on a split the head never trained on. With a positive slope it keeps the
 * head's ranking of prompts, which routing curves and APGR depend on (isotonic regression would flatten
 * it into a few steps), and two numbers cannot overfit a validation split of a few dozen tasks.
 */
public record PlattScaling(double slope, double intercept) {

    private static final String FEATURE = "logit";
    private static final double EDGE = 1e-6;
    private static final int EPOCHS = 200;
    private static final double LEARNING_RATE = 0.5;

    public PlattScaling {
        if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException("Platt scaling needs finite parameters, got " + slope + ", " + intercept);
        }
    }

    /** Leaves the head's probabilities as they are. */
    public static PlattScaling identity() {
        return new PlattScaling(1, 0);
    }

    /**
     * Fits on held-out rows; when they hold only passes or only failures there is nothing to fit and the
     * head stays uncalibrated ({@link #identity()}).
     *
     * @param raw the head's raw probabilities
     * @param passRates the actual pass rates of the same tasks
     */
    public static PlattScaling fit(double[] raw, double[] passRates, long seed) {
        MutableDataset<Label> rows = EmbeddingExamples.dataset("calibration rows");
        for (int i = 0; i < raw.length; i++) {
            addRow(rows, logit(raw[i]), PassHead.PASS, passRates[i]);
            addRow(rows, logit(raw[i]), PassHead.FAIL, 1 - passRates[i]);
        }
        if (rows.getOutputInfo().size() < 2) {
            return identity();
        }
        Model<Label> model = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(LEARNING_RATE, EDGE), EPOCHS, -1, 1, seed)
                .train(rows);
        DenseMatrix weights = ((LinearSGDModel) model).getWeightsCopy();
        int pass = model.getOutputIDInfo().getID(new Label(PassHead.PASS));
        int fail = model.getOutputIDInfo().getID(new Label(PassHead.FAIL));
        int feature = model.getFeatureIDMap().getID(FEATURE);
        int bias = weights.getDimension2Size() - 1;
        return new PlattScaling(weights.get(pass, feature) - weights.get(fail, feature),
                weights.get(pass, bias) - weights.get(fail, bias));
    }

    private static void addRow(MutableDataset<Label> rows, double logit, String label, double weight) {
        if (weight > 0) {
            ArrayExample<Label> row = new ArrayExample<>(new Label(label), new String[] {FEATURE}, new double[] {logit});
            row.setWeight((float) weight);
            rows.add(row);
        }
    }

    public double apply(double raw) {
        return 1 / (1 + Math.exp(-(slope * logit(raw) + intercept)));
    }

    private static double logit(double probability) {
        double p = Math.min(1 - EDGE, Math.max(EDGE, probability));
        return Math.log(p / (1 - p));
    }
}
