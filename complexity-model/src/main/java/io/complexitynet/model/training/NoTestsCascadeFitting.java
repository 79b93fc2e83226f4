package io.complexitynet.model.training;

import io.complexitynet.core.routing.Prediction;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.routing.RoutingOutcome;
import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.model.domain.RecordedAnswer;
import io.complexitynet.model.learning.AnswerEvidence;
import io.complexitynet.model.learning.AnswerScorer;
import io.complexitynet.model.learning.ComplexityModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The no-tests cascade's part of a training run: the scorer fitted on the training split's recorded answers, its
 * thresholds calibrated on validation for the target, and the cascade measured on test. Each answer's pass probability
 * is the trained model's own (calibrated) pass head for its model on the task's classifier input, as a router has it at
 * request time.
 */
final class NoTestsCascadeFitting {

    private NoTestsCascadeFitting() {
    }

    static NoTestsCascadeReport run(ComplexityModel model, List<RecordedAnswer> answers, EmbeddedTasks train, EmbeddedTasks validation,
            EmbeddedTasks test, List<PricedModel> ladder, CascadeTarget target) {
        if (answers.isEmpty()) {
            return new NoTestsCascadeReport.NotTrained("the labelling job recorded no test-free run of any answer (labelled before"
                    + " the labeler probed answers): no answer scorer, so routers cannot use the no-tests cascade with this model");
        }
        Map<String, List<RecordedAnswer>> byTask = new HashMap<>();
        answers.forEach(answer -> byTask.computeIfAbsent(answer.taskId(), id -> new ArrayList<>()).add(answer));
        Map<String, double[]> trainProbabilities = passProbabilities(model, train);
        List<AnswerEvidence> rows = new ArrayList<>();
        List<Boolean> outcomes = new ArrayList<>();
        for (LabelledTask task : train.tasks()) {
            for (RecordedAnswer answer : byTask.getOrDefault(task.sourceId(), List.of())) {
                rows.add(evidence(answer, trainProbabilities.get(task.sourceId())));
                outcomes.add(answer.passed());
            }
        }
        if (rows.isEmpty()) {
            return new NoTestsCascadeReport.NotTrained("no training task has an answer with a recorded test-free run");
        }
        boolean[] passed = new boolean[outcomes.size()];
        for (int i = 0; i < passed.length; i++) {
            passed[i] = outcomes.get(i);
        }
        if (!outcomes.contains(true) || !outcomes.contains(false)) {
            return new NoTestsCascadeReport.NotTrained("the " + rows.size() + " training answers with a recorded test-free run all "
                    + (outcomes.contains(true) ? "passed" : "failed") + ": nothing for a scorer to tell apart");
        }
        AnswerScorer fitted = AnswerScorerTraining.fit(rows, passed, ladder.size(), AnswerScorerTraining.DEFAULT_L2);

        NoTestsCascade cascade = new NoTestsCascade(ladder);
        Replayable validationTasks = replayable(model, validation, byTask, ladder.size());
        Replayable testTasks = replayable(model, test, byTask, ladder.size());
        if (validationTasks.tasks().isEmpty() || testTasks.tasks().isEmpty()) {
            return new NoTestsCascadeReport.NotTrained("no " + (validationTasks.tasks().isEmpty() ? "validation" : "test")
                    + " task has a first answer with a recorded test-free run from every model, so the cascade cannot be "
                    + (validationTasks.tasks().isEmpty() ? "calibrated" : "measured"));
        }
        NoTestsCascade.Calibration calibration = cascade.calibrate(fitted, validationTasks.tasks(), target);
        AnswerScorer scorer = calibration.applyTo(fitted);

        Map<String, double[]> testProbabilities = passProbabilities(model, test);
        int[] cheapest = new int[4];
        int[] all = new int[4];
        for (LabelledTask task : test.tasks()) {
            for (RecordedAnswer answer : byTask.getOrDefault(task.sourceId(), List.of())) {
                boolean accepted = scorer.accepts(evidence(answer, testProbabilities.get(task.sourceId())));
                count(all, answer.passed(), accepted);
                if (answer.modelIndex() == 0) {
                    count(cheapest, answer.passed(), accepted);
                }
            }
        }
        List<NoTestsCascade.Task> solved = testTasks.tasks().stream().filter(NoTestsCascade.Task::solved).toList();
        RoutingOutcome outcome = cascade.replay(scorer, testTasks.tasks());
        return new NoTestsCascadeReport.Trained(scorer, rows.size(), calibration, precision(cheapest), precision(all), outcome,
                solved.isEmpty() ? Double.NaN : cascade.replay(scorer, solved).passRate(), solved.size(), cascade.costCut(outcome),
                testTasks.leftOut());
    }

    /** The tasks of a part the cascade can replay, and how many it cannot. */
    private record Replayable(List<NoTestsCascade.Task> tasks, int leftOut) {
    }

    /** Tasks with a probed first answer (sample 0, the one a router replays first) from every ladder model. */
    private static Replayable replayable(ComplexityModel model, EmbeddedTasks part, Map<String, List<RecordedAnswer>> byTask,
            int ladderSize) {
        Map<String, double[]> probabilities = passProbabilities(model, part);
        List<NoTestsCascade.Task> tasks = new ArrayList<>();
        for (LabelledTask task : part.tasks()) {
            NoTestsCascade.Answer[] first = new NoTestsCascade.Answer[ladderSize];
            for (RecordedAnswer answer : byTask.getOrDefault(task.sourceId(), List.of())) {
                if (answer.sampleIndex() == 0 && answer.modelIndex() < ladderSize) {
                    double[] taskProbabilities = probabilities.get(task.sourceId());
                    first[answer.modelIndex()] = new NoTestsCascade.Answer(evidence(answer, taskProbabilities), answer.passed());
                }
            }
            if (Arrays.stream(first).allMatch(Objects::nonNull)) {
                tasks.add(new NoTestsCascade.Task(task.sourceId(), task.solved(), List.of(first)));
            }
        }
        return new Replayable(tasks, part.tasks().size() - tasks.size());
    }

    private static Map<String, double[]> passProbabilities(ComplexityModel model, EmbeddedTasks part) {
        Map<String, double[]> probabilities = new HashMap<>();
        List<Prediction> predictions = model.predictEncoded(part.vectors());
        for (int i = 0; i < part.tasks().size(); i++) {
            probabilities.put(part.tasks().get(i).sourceId(), predictions.get(i).passProbabilities());
        }
        return probabilities;
    }

    private static AnswerEvidence evidence(RecordedAnswer answer, double[] passProbabilities) {
        return new AnswerEvidence(answer.modelIndex(), answer.probe(), answer.answerChars(), passProbabilities[answer.modelIndex()]);
    }

    /** Answers, passing, accepted, accepted and passing. */
    private static void count(int[] counts, boolean passed, boolean accepted) {
        counts[0]++;
        counts[1] += passed ? 1 : 0;
        counts[2] += accepted ? 1 : 0;
        counts[3] += passed && accepted ? 1 : 0;
    }

    private static ScorerPrecision precision(int[] counts) {
        return new ScorerPrecision(counts[0], counts[1], counts[2], counts[3]);
    }

    static Optional<AnswerScorer> scorerOf(NoTestsCascadeReport report) {
        return report instanceof NoTestsCascadeReport.Trained trained ? Optional.of(trained.scorer()) : Optional.empty();
    }
}
