package io.complexitynet.core.evaluation;

/**
 * Precision, recall and F1 of one class; {@code support} is how many samples actually belong to it.
 * A ratio with nothing to divide by counts as 0 (scikit-learn's {@code zero_division=0}).
 */
public record ClassMetrics(int label, int support, double precision, double recall, double f1) {
}
