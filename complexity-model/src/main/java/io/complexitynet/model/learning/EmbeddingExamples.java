package io.complexitynet.model.learning;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Prompt embeddings as Tribuo examples: one feature per dimension, named {@code e000}, {@code e001}, ...
 * (zero-padded so Tribuo's sorted feature order is the dimension order).
 */
final class EmbeddingExamples {

    private static final LabelFactory LABELS = new LabelFactory();
    // Formatting 384 names per example was three quarters of a router decision's allocation: made once per dimension.
    private static final Map<Integer, String[]> NAMES = new ConcurrentHashMap<>();

    private EmbeddingExamples() {
    }

    static Example<Label> example(float[] vector, String label, double weight) {
        Example<Label> example = new ArrayExample<>(new Label(label), names(vector.length), toDoubles(vector));
        example.setWeight((float) weight);
        return example;
    }

    static Example<Label> unlabelled(float[] vector) {
        return new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names(vector.length), toDoubles(vector));
    }

    static MutableDataset<Label> dataset(String description) {
        return new MutableDataset<>(new SimpleDataSourceProvenance(description, LABELS), LABELS);
    }

    private static String[] names(int dimension) {
        return NAMES.computeIfAbsent(dimension, EmbeddingExamples::formatNames).clone();
    }

    private static String[] formatNames(int dimension) {
        String[] names = new String[dimension];
        for (int i = 0; i < dimension; i++) {
            names[i] = featureName(i);
        }
        return names;
    }

    static String featureName(int dimension) {
        return String.format(Locale.ROOT, "e%04d", dimension);
    }

    static int dimensionOf(String featureName) {
        return Integer.parseInt(featureName.substring(1));
    }

    private static double[] toDoubles(float[] vector) {
        double[] values = new double[vector.length];
        for (int i = 0; i < vector.length; i++) {
            values[i] = vector[i];
        }
        return values;
    }
}
