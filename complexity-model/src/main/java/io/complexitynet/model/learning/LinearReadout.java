package io.complexitynet.model.learning;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * A logistic head evaluated straight from its weights, softmax(W·x + b), as Tribuo's own prediction computes it but
 * without building a named-feature example first: looking up 384 feature names per head was a third of a router
 * decision's Java CPU. Only linear heads have one; others are asked through Tribuo.
 */
final class LinearReadout {

    private final String[] labels;
    private final double[][] weights;
    private final double[] bias;

    private LinearReadout(String[] labels, double[][] weights, double[] bias) {
        this.labels = labels;
        this.weights = weights;
        this.bias = bias;
    }

    static Optional<LinearReadout> of(Model<Label> model) {
        if (!(model instanceof LinearSGDModel linear) || !linear.generatesProbabilities()) {
            return Optional.empty();
        }
        DenseMatrix matrix = linear.getWeightsCopy();
        ImmutableFeatureMap features = linear.getFeatureIDMap();
        int dimension = 0;
        for (VariableInfo feature : features) {
            dimension = Math.max(dimension, EmbeddingExamples.dimensionOf(feature.getName()) + 1);
        }
        int biasColumn = features.size();
        int outputs = linear.getOutputIDInfo().size();
        String[] labels = new String[outputs];
        double[][] weights = new double[outputs][dimension];
        double[] bias = new double[outputs];
        for (int output = 0; output < outputs; output++) {
            labels[output] = linear.getOutputIDInfo().getOutput(output).getLabel();
            bias[output] = matrix.get(output, biasColumn);
            for (int d = 0; d < dimension; d++) {
                // A dimension the head never saw has no column: its weight is zero, as Tribuo ignores an unknown feature.
                int column = features.getID(EmbeddingExamples.featureName(d));
                weights[output][d] = column < 0 ? 0 : matrix.get(output, column);
            }
        }
        return Optional.of(new LinearReadout(labels, weights, bias));
    }

    /** Each label's probability, in the head's output order. */
    Map<String, Double> probabilities(float[] embedding) {
        int dimension = weights[0].length;
        if (embedding.length < dimension) {
            throw new IllegalArgumentException("an embedding of " + embedding.length + " dimensions for a head trained on " + dimension);
        }
        double[] scores = new double[labels.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int output = 0; output < labels.length; output++) {
            double score = bias[output];
            double[] row = weights[output];
            for (int d = 0; d < row.length; d++) {
                score += row[d] * embedding[d];
            }
            scores[output] = score;
            max = Math.max(max, score);
        }
        double sum = 0;
        for (int output = 0; output < scores.length; output++) {
            scores[output] = Math.exp(scores[output] - max);
            sum += scores[output];
        }
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int output = 0; output < labels.length; output++) {
            probabilities.put(labels[output], scores[output] / sum);
        }
        return probabilities;
    }
}
