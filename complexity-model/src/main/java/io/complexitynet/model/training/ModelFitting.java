package io.complexitynet.model.training;

import io.complexitynet.core.evaluation.ClassificationReport;
import io.complexitynet.core.routing.ThresholdSweep;
import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.model.domain.TrainingParameters;
import io.complexitynet.model.domain.TrainingRefused;
import io.complexitynet.model.learning.ComplexityModel;
import io.complexitynet.model.learning.ComplexitySource;
import io.complexitynet.model.learning.PassHead;
import io.complexitynet.model.learning.PlattScaling;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/** The steps of fitting a model that decide something: which rows, which heads, which complexity source. */
final class ModelFitting {

    private static final int SOURCE_THRESHOLD_STEPS = 20;

    private ModelFitting() {
    }

    /** The solved training tasks of the classes with enough labels; refuses when fewer than two classes are left. */
    static EmbeddedTasks classifierRows(EmbeddedTasks solved, int minLabels, List<String> notes) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int complexity : solved.complexities()) {
            counts.merge(complexity, 1, Integer::sum);
        }
        List<LabelledTask> kept = new ArrayList<>();
        List<float[]> keptVectors = new ArrayList<>();
        for (int i = 0; i < solved.tasks().size(); i++) {
            if (counts.get(solved.tasks().get(i).complexity()) >= minLabels) {
                kept.add(solved.tasks().get(i));
                keptVectors.add(solved.vectors().get(i));
            }
        }
        counts.forEach((complexity, count) -> {
            if (count < minLabels) {
                notes.add("complexity " + complexity + " left out of the classifier: " + count + " training labels, fewer"
                        + " than the " + minLabels + " required");
            }
        });
        long classes = counts.values().stream().filter(count -> count >= minLabels).count();
        if (classes < 2) {
            throw new TrainingRefused("the classifier needs two complexity classes with at least " + minLabels
                    + " solved training tasks each; the training labels per class are " + counts);
        }
        return new EmbeddedTasks(kept, keptVectors);
    }

    /** Ladder model {@code model}'s head, fitted on every training task and Platt-scaled on validation. */
    static PassHead passHead(String name, int model, EmbeddedTasks train, EmbeddedTasks validation,
            TrainingParameters parameters, List<String> notes) {
        double[] rates = train.passRates(model);
        PassHead head = PassHead.fit(train.vectors(), rates, parameters);
        if (head.isConstant()) {
            notes.add(String.format(Locale.ROOT, "model %s passed %s of the %d training tasks: its pass head is the"
                    + " constant %.3f, not calibrated", name, rates[0] > 0 ? "all" : "none", rates.length,
                    head.rawProbability(train.vectors().get(0))));
            return head;
        }
        double[] raw = validation.vectors().stream().mapToDouble(head::rawProbability).toArray();
        return head.calibrated(PlattScaling.fit(raw, validation.passRates(model), parameters.seed()));
    }

    /** The classifier against the pass heads at thresholds 0, 0.05, ..., 1, by macro-F1 on the solved validation tasks. */
    static SourceSelection chooseSource(ComplexityModel candidate, EmbeddedTasks solvedValidation) {
        List<ComplexitySource> sources = new ArrayList<>();
        sources.add(new ComplexitySource.Classifier());
        ThresholdSweep.evenlySpaced(SOURCE_THRESHOLD_STEPS).forEach(t -> sources.add(new ComplexitySource.PassHeads(t)));
        int[] actual = solvedValidation.complexities();
        List<SourceCandidate> scored = new ArrayList<>();
        for (ComplexitySource source : sources) {
            int[] predicted = complexities(candidate.withComplexitySource(source), solvedValidation);
            ClassificationReport report = ClassificationReport.of(classes(candidate.classes(), actual, predicted), actual,
                    predicted);
            scored.add(new SourceCandidate(source, report.macroF1(), report.accuracy()));
        }
        return SourceSelection.best(scored);
    }

    /** The model's predicted complexity of each task, in order. */
    static int[] complexities(ComplexityModel model, EmbeddedTasks tasks) {
        return model.predictEncoded(tasks.vectors()).stream().mapToInt(prediction -> prediction.complexity().getAsInt())
                .toArray();
    }

    /** The model's classes and any others that occur among {@code actual} and {@code predicted}, ascending. */
    static List<Integer> classes(List<Integer> known, int[] actual, int[] predicted) {
        TreeSet<Integer> all = new TreeSet<>(known);
        IntStream.of(actual).forEach(all::add);
        IntStream.of(predicted).forEach(all::add);
        return List.copyOf(all);
    }
}
