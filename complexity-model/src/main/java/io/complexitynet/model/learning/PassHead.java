package io.complexitynet.model.learning;

import io.complexitynet.model.domain.TrainingParameters;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * P(this ladder model's answer passes | prompt): a head on the prompt embedding, then its Platt
 * scaling (identity until calibrated). Trained on soft labels: a task whose answers passed r of the
 * time is one row labelled "pass" with weight r and one labelled "fail" with weight 1 - r, so k tries
 * count as the pass rate they measured; with one try this is the plain pass/fail label. When the
 * training rows all passed or all failed there is nothing to learn, and the head is the constant
 * (passes + 1/2) / (rows + 1), never exactly 0 or 1.
 */
public final class PassHead {

    static final String PASS = "pass";
    static final String FAIL = "fail";

    // Absent for a constant head.
    private final Model<Label> model;
    private final double constantRate;
    private final PlattScaling scaling;
    private final Optional<LinearReadout> readout;

    private PassHead(Model<Label> model, double constantRate, PlattScaling scaling) {
        this.readout = model == null ? Optional.empty() : LinearReadout.of(model);
        this.model = model;
        this.constantRate = constantRate;
        this.scaling = scaling;
    }

    static PassHead learnt(Model<Label> model, PlattScaling scaling) {
        return new PassHead(model, Double.NaN, scaling);
    }

    static PassHead constant(double rate) {
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException("a constant pass head needs a rate in (0, 1), was " + rate);
        }
        return new PassHead(null, rate, PlattScaling.identity());
    }

    /**
     * @param features one embedding per training task
     * @param passRates the model's pass rate on each task
     */
    public static PassHead fit(List<float[]> features, double[] passRates, TrainingParameters parameters) {
        if (features.isEmpty() || features.size() != passRates.length) {
            throw new IllegalArgumentException("need one pass rate per embedding, at least one, got " + features.size()
                    + " embeddings and " + passRates.length + " pass rates");
        }
        boolean allPassed = Arrays.stream(passRates).allMatch(rate -> rate == 1);
        boolean allFailed = Arrays.stream(passRates).allMatch(rate -> rate == 0);
        if (allPassed || allFailed) {
            return constant((Arrays.stream(passRates).sum() + 0.5) / (passRates.length + 1));
        }
        MutableDataset<Label> rows = EmbeddingExamples.dataset("pass training rows");
        for (int i = 0; i < features.size(); i++) {
            if (passRates[i] > 0) {
                rows.add(EmbeddingExamples.example(features.get(i), PASS, passRates[i]));
            }
            if (passRates[i] < 1) {
                rows.add(EmbeddingExamples.example(features.get(i), FAIL, 1 - passRates[i]));
            }
        }
        return learnt(HeadTrainers.forParameters(parameters).train(rows), PlattScaling.identity());
    }

    /** True when the training rows all passed or all failed and the head always says the same. */
    public boolean isConstant() {
        return model == null;
    }

    /** The same head with {@code newScaling} applied to its raw probabilities; a constant head stays as it is. */
    public PassHead calibrated(PlattScaling newScaling) {
        return isConstant() ? this : learnt(model, newScaling);
    }

    public PlattScaling scaling() {
        return scaling;
    }

    /** The calibrated probability that the model's answer to this prompt passes. */
    public double probability(float[] embedding) {
        return scaling.apply(rawProbability(embedding));
    }

    /** The head's own estimate, before calibration. */
    public double rawProbability(float[] embedding) {
        if (isConstant()) {
            return constantRate;
        }
        if (readout.isPresent()) {
            return readout.get().probabilities(embedding).get(PASS);
        }
        return model.predict(EmbeddingExamples.unlabelled(embedding)).getOutputScores().get(PASS).getScore();
    }

    double constantRate() {
        return constantRate;
    }

    Optional<Model<Label>> tribuoModel() {
        return Optional.ofNullable(model);
    }
}
