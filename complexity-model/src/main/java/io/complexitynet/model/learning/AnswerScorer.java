package io.complexitynet.model.learning;

import io.complexitynet.core.probe.ProbeOutcome;
import java.util.Arrays;

/**
 * The no-tests cascade's judge of an answer: the probability that it passes its task's tests, a logistic function of
 * what its test-free run showed, its length, the prompt's pass probability for its model and which model wrote it;
 * an answer is taken when that probability reaches {@code threshold}, calibrated on the validation split.
 *
 * @param weights   one per {@link #features} entry of a ladder of {@code ladderSize} models
 * @param threshold the probability at which an answer is taken rather than the next model asked
 */
public record AnswerScorer(int ladderSize, double[] weights, double threshold) {

    /** Features that do not depend on the ladder: bias, the probe's five outcomes, calls returned, length, pass probability. */
    static final int FIXED_FEATURES = 10;

    public AnswerScorer {
        if (ladderSize < 1 || weights.length != FIXED_FEATURES + ladderSize) {
            throw new IllegalArgumentException(weights.length + " weights for a ladder of " + ladderSize + " models; expected "
                    + (FIXED_FEATURES + ladderSize));
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the threshold must be a probability, was " + threshold);
        }
        weights = weights.clone();
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
        x[6] = probe.calls() == 0 ? 1 : (double) probe.callsReturned() / probe.calls();
        x[7] = Math.log1p(evidence.answerChars()) / 8;
        x[8] = evidence.answerChars() == 0 ? 1 : 0;
        x[9] = evidence.passProbability();
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

    /** Whether the answer is taken: its score reaches the threshold. */
    public boolean accepts(AnswerEvidence evidence) {
        return score(evidence) >= threshold;
    }

    /** The same weights with another threshold. */
    public AnswerScorer withThreshold(double newThreshold) {
        return new AnswerScorer(ladderSize, weights, newThreshold);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AnswerScorer that && ladderSize == that.ladderSize && threshold == that.threshold
                && Arrays.equals(weights, that.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(weights) + Double.hashCode(threshold) + ladderSize;
    }

    @Override
    public String toString() {
        return "AnswerScorer[" + ladderSize + " models, threshold " + threshold + ", weights " + Arrays.toString(weights) + "]";
    }
}
