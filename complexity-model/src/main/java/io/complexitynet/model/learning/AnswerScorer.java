package io.complexitynet.model.learning;

import io.complexitynet.core.probe.ProbeOutcome;
import java.util.Arrays;

/**
 * The no-tests cascade's judge of an answer: the probability that it passes its task's tests, a logistic function of
 * what its test-free run showed, its length, the prompt's pass probability for its model and which model wrote it;
 * an answer is taken when that probability reaches its model's threshold, calibrated on the validation split. Each model
 * has its own, because what a rejection costs differs along the ladder: the cheapest model's rejected answer costs one
 * call to the next model, the last but one's a call to the largest.
 *
 * @param weights    one per {@link #features} entry of a ladder of {@code ladderSize} models
 * @param thresholds one per model but the largest, cheapest first: the probability at which that model's answer is taken
 *                   rather than the next model asked (the largest model's answer is always taken)
 */
public record AnswerScorer(int ladderSize, double[] weights, double[] thresholds) {

    /** The probe's outcomes, one feature each. */
    private static final int KINDS = ProbeOutcome.Kind.values().length;
    /** Features that do not depend on the ladder: bias, the probe's outcomes, calls returned, length, pass probability. */
    static final int FIXED_FEATURES = 1 + KINDS + 4;

    public AnswerScorer {
        if (ladderSize < 1 || weights.length != FIXED_FEATURES + ladderSize) {
            throw new IllegalArgumentException(weights.length + " weights for a ladder of " + ladderSize + " models; expected "
                    + (FIXED_FEATURES + ladderSize));
        }
        if (thresholds.length != ladderSize - 1) {
            throw new IllegalArgumentException(thresholds.length + " thresholds for a ladder of " + ladderSize + " models; expected "
                    + (ladderSize - 1) + ", one per model but the largest");
        }
        for (double threshold : thresholds) {
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException("a threshold must be a probability, was " + threshold);
            }
        }
        weights = weights.clone();
        thresholds = thresholds.clone();
    }

    /** A scorer with the same threshold for every model. */
    public AnswerScorer(int ladderSize, double[] weights, double threshold) {
        this(ladderSize, weights, sameForEvery(ladderSize, threshold));
    }

    private static double[] sameForEvery(int ladderSize, double threshold) {
        double[] thresholds = new double[Math.max(0, ladderSize - 1)];
        Arrays.fill(thresholds, threshold);
        return thresholds;
    }

    /** The feature vector the weights apply to. */
    public static double[] features(AnswerEvidence evidence, int ladderSize) {
        if (evidence.modelIndex() >= ladderSize) {
            throw new IllegalArgumentException("model " + evidence.modelIndex() + " is not on a ladder of " + ladderSize);
        }
        double[] x = new double[FIXED_FEATURES + ladderSize];
        ProbeOutcome probe = evidence.probe();
        x[0] = 1;
        x[1 + probe.kind().ordinal()] = 1;
        x[1 + KINDS] = probe.calls() == 0 ? 1 : (double) probe.callsReturned() / probe.calls();
        x[2 + KINDS] = Math.log1p(evidence.answerChars()) / 8;
        x[3 + KINDS] = evidence.answerChars() == 0 ? 1 : 0;
        x[4 + KINDS] = evidence.passProbability();
        x[FIXED_FEATURES + evidence.modelIndex()] = 1;
        return x;
    }

    /** The probability that the answer passes. */
    public double score(AnswerEvidence evidence) {
        double[] x = features(evidence, ladderSize);
        double z = 0;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The score a threshold is held against: an empty answer's is below every threshold, as a router never takes one. */
    public double acceptanceScore(AnswerEvidence evidence) {
        return evidence.answerChars() == 0 ? Double.NEGATIVE_INFINITY : score(evidence);
    }

    /** Whether the answer is taken: the largest model's always is, any other's when it reaches that model's threshold. */
    public boolean accepts(AnswerEvidence evidence) {
        return evidence.modelIndex() == ladderSize - 1 || acceptanceScore(evidence) >= thresholds[evidence.modelIndex()];
    }

    /** The same weights with other thresholds, one per model but the largest. */
    public AnswerScorer withThresholds(double[] newThresholds) {
        return new AnswerScorer(ladderSize, weights, newThresholds);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AnswerScorer that && ladderSize == that.ladderSize && Arrays.equals(thresholds, that.thresholds)
                && Arrays.equals(weights, that.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(weights) + Arrays.hashCode(thresholds) + ladderSize;
    }

    @Override
    public String toString() {
        return "AnswerScorer[" + ladderSize + " models, thresholds " + Arrays.toString(thresholds) + ", weights "
                + Arrays.toString(weights) + "]";
    }
}
