package io.complexitynet.reproduce.domain;

import io.complexitynet.core.evaluation.ClassificationReport;
import io.complexitynet.core.routing.ComplexityPolicy;
import io.complexitynet.core.routing.Prediction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Our promoted model's predictions on the paper's 150-task set, scored against the paper's 3-class labels.
 * A predicted complexity becomes the paper's class through the paper's allocation (1-2 Code Llama, 3-4
 * GPT-3.5, 5 GPT-4). Tasks our model was trained on are left out, so every score is on held-out tasks.
 */
public record PaperSetAccuracy(ClassificationReport heldOut, Optional<ClassificationReport> heldOutValidation, int trainedOn) {

    private static final List<Integer> CLASSES = List.of(0, 1, 2);

    public static PaperSetAccuracy of(List<PaperSetTask> paperSet, Map<String, Prediction> predictions, Predicate<String> trainedOn) {
        List<PaperSetTask> heldOut = paperSet.stream().filter(task -> !trainedOn.test(task.sourceId())).toList();
        if (heldOut.isEmpty()) {
            throw new IllegalArgumentException("every task of the paper's set is in our training split; nothing is held out");
        }
        List<PaperSetTask> validation = heldOut.stream().filter(PaperSetTask::validation).toList();
        return new PaperSetAccuracy(report(heldOut, predictions),
                validation.isEmpty() ? Optional.empty() : Optional.of(report(validation, predictions)), paperSet.size() - heldOut.size());
    }

    private static ClassificationReport report(List<PaperSetTask> tasks, Map<String, Prediction> predictions) {
        int[] actual = new int[tasks.size()];
        int[] predicted = new int[tasks.size()];
        ComplexityPolicy paperAllocation = ComplexityPolicy.paper();
        for (int i = 0; i < tasks.size(); i++) {
            PaperSetTask task = tasks.get(i);
            Prediction prediction = predictions.get(task.sourceId());
            if (prediction == null || prediction.complexity().isEmpty()) {
                throw new IllegalArgumentException("no predicted complexity for task " + task.taskId() + " of the paper's set");
            }
            actual[i] = task.complexityClass();
            predicted[i] = paperAllocation.choose(Prediction.ofComplexity(prediction.complexity().getAsInt()));
        }
        return ClassificationReport.of(CLASSES, actual, predicted);
    }
}
