package io.complexitynet.model.learning;

import io.complexitynet.model.domain.TrainingParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/** Predicts a prompt's complexity class from its embedding; the classes are those it was trained on. */
public final class ComplexityClassifier {

    private final Model<Label> model;
    private final List<Integer> classes;
    private final Optional<LinearReadout> readout;

    ComplexityClassifier(Model<Label> model) {
        this.model = model;
        this.readout = LinearReadout.of(model);
        List<Integer> known = new ArrayList<>();
        model.getOutputIDInfo().getDomain().forEach(label -> known.add(Integer.parseInt(label.getLabel())));
        known.sort(null);
        this.classes = List.copyOf(known);
    }

    /**
     * Fits the classifier. Every row weighs the same, unless the parameters balance the classes: then a
     * row of class c weighs n / (k n_c), so each of the k classes adds up to n / k.
     *
     * @param features one embedding per training task
     * @param complexities the tasks' complexity classes, at least two distinct ones
     */
    public static ComplexityClassifier fit(List<float[]> features, List<Integer> complexities, TrainingParameters parameters) {
        if (features.size() != complexities.size() || features.isEmpty()) {
            throw new IllegalArgumentException("need one complexity per embedding, got " + features.size()
                    + " embeddings and " + complexities.size() + " complexities");
        }
        Map<Integer, Long> counts = complexities.stream().collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        MutableDataset<Label> rows = EmbeddingExamples.dataset("complexity training rows");
        for (int i = 0; i < features.size(); i++) {
            double weight = parameters.balancedClasses()
                    ? (double) features.size() / (counts.size() * counts.get(complexities.get(i)))
                    : 1;
            rows.add(EmbeddingExamples.example(features.get(i), complexities.get(i).toString(), weight));
        }
        return new ComplexityClassifier(HeadTrainers.forParameters(parameters).train(rows));
    }

    /** The classes it can predict, ascending. */
    public List<Integer> classes() {
        return classes;
    }

    /** The most probable class; on a tie, the lower one. */
    public int predict(float[] embedding) {
        int best = classes.get(0);
        double bestProbability = -1;
        for (Map.Entry<Integer, Double> entry : distribution(embedding).entrySet()) {
            if (entry.getValue() > bestProbability) {
                best = entry.getKey();
                bestProbability = entry.getValue();
            }
        }
        return best;
    }

    /** The probability of each class, in ascending class order. */
    Map<Integer, Double> distribution(float[] embedding) {
        Map<Integer, Double> distribution = new TreeMap<>();
        if (readout.isPresent()) {
            readout.get().probabilities(embedding).forEach((label, probability) -> distribution.put(Integer.parseInt(label), probability));
            return distribution;
        }
        Prediction<Label> prediction = model.predict(EmbeddingExamples.unlabelled(embedding));
        prediction.getOutputScores().forEach((label, score) -> distribution.put(Integer.parseInt(label), score.getScore()));
        return distribution;
    }

    Model<Label> tribuoModel() {
        return model;
    }
}
