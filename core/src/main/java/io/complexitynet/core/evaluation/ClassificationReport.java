package io.complexitynet.core.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * How well a classifier's predicted classes match the actual ones: accuracy, macro-F1 over the listed
 * classes (a class never predicted counts with F1 0, as scikit-learn with {@code zero_division=0}),
 * per-class metrics and the confusion matrix (rows actual, columns predicted, in the order of the classes).
 */
public final class ClassificationReport {

    private final List<Integer> classes;
    private final int[][] confusion;
    private final int samples;

    private ClassificationReport(List<Integer> classes, int[][] confusion, int samples) {
        this.classes = classes;
        this.confusion = confusion;
        this.samples = samples;
    }

    public static ClassificationReport of(List<Integer> classes, int[] actual, int[] predicted) {
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("a classification report needs at least one class");
        }
        if (actual.length == 0 || actual.length != predicted.length) {
            throw new IllegalArgumentException("need as many predicted as actual classes, at least one, got "
                    + actual.length + " actual and " + predicted.length + " predicted");
        }
        Map<Integer, Integer> position = new HashMap<>();
        for (int label : classes) {
            if (position.put(label, position.size()) != null) {
                throw new IllegalArgumentException("class " + label + " is listed twice in " + classes);
            }
        }
        int[][] confusion = new int[classes.size()][classes.size()];
        for (int i = 0; i < actual.length; i++) {
            confusion[index(position, actual[i], "actual", i, classes)][index(position, predicted[i], "predicted", i,
                    classes)]++;
        }
        return new ClassificationReport(List.copyOf(classes), confusion, actual.length);
    }

    private static int index(Map<Integer, Integer> position, int label, String which, int sample, List<Integer> classes) {
        Integer index = position.get(label);
        if (index == null) {
            throw new IllegalArgumentException(which + " class " + label + " of sample " + sample + " is not one of "
                    + classes);
        }
        return index;
    }

    public List<Integer> classes() {
        return classes;
    }

    public int samples() {
        return samples;
    }

    public double accuracy() {
        return (double) correct() / samples;
    }

    /** Where the accuracy on the whole population likely lies, given only these samples (95%). */
    public ProportionInterval accuracyInterval() {
        return ProportionInterval.wilson95(correct(), samples);
    }

    private int correct() {
        return IntStream.range(0, classes.size()).map(i -> confusion[i][i]).sum();
    }

    public double macroF1() {
        return perClass().stream().mapToDouble(ClassMetrics::f1).average().orElseThrow();
    }

    /** Metrics for each listed class, in the listed order. */
    public List<ClassMetrics> perClass() {
        List<ClassMetrics> metrics = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            int truePositives = confusion[c][c];
            int support = 0;
            int predictedAs = 0;
            for (int other = 0; other < classes.size(); other++) {
                support += confusion[c][other];
                predictedAs += confusion[other][c];
            }
            int falsePositives = predictedAs - truePositives;
            int falseNegatives = support - truePositives;
            metrics.add(new ClassMetrics(classes.get(c), support, ratio(truePositives, predictedAs),
                    ratio(truePositives, support),
                    ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives)));
        }
        return metrics;
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    /** How many samples of actual class {@code actual} were predicted as {@code predicted}. */
    public int count(int actual, int predicted) {
        return confusion[classes.indexOf(requireListed(actual))][classes.indexOf(requireListed(predicted))];
    }

    private int requireListed(int label) {
        if (!classes.contains(label)) {
            throw new IllegalArgumentException("class " + label + " is not one of " + classes);
        }
        return label;
    }

    /** The confusion matrix, rows actual and columns predicted, in the order of {@link #classes()}. */
    public int[][] confusionMatrix() {
        return Arrays.stream(confusion).map(int[]::clone).toArray(int[][]::new);
    }

    public String toMarkdown() {
        MarkdownTable metrics = new MarkdownTable(List.of("class", "precision", "recall", "F1", "support"));
        perClass().forEach(m -> metrics.row(List.of(m.label(), m.precision(), m.recall(), m.f1(), m.support())));

        List<String> header = new ArrayList<>(List.of("actual \\ predicted"));
        classes.forEach(label -> header.add(String.valueOf(label)));
        MarkdownTable matrix = new MarkdownTable(header);
        for (int c = 0; c < classes.size(); c++) {
            List<Object> row = new ArrayList<>(List.of(classes.get(c)));
            for (int count : confusion[c]) {
                row.add(count);
            }
            matrix.row(row);
        }
        ProportionInterval interval = accuracyInterval();
        return "accuracy " + MarkdownTable.decimal(accuracy()) + " (95% interval " + MarkdownTable.decimal(interval.low()) + "-"
                + MarkdownTable.decimal(interval.high()) + "), macro-F1 " + MarkdownTable.decimal(macroF1())
                + " (n=" + samples + ")\n\n" + metrics + "\n" + matrix;
    }
}
