package io.complexitynet.model.training;

import io.complexitynet.core.routing.ModelShare;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.routing.RoutingOutcome;
import io.complexitynet.core.routing.ThresholdSweep;
import io.complexitynet.model.learning.AnswerEvidence;
import io.complexitynet.model.learning.AnswerScorer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The no-tests cascade replayed over tasks with recorded answers: each task starts at the cheapest model, whose answer is
 * taken when the scorer accepts it at that model's threshold, else the next model is asked; the largest model's answer is
 * always taken. Every model asked costs its cost units, and the task passes when the taken answer passed its tests. The
 * thresholds are calibrated here too, for a {@link CascadeTarget} on the validation split.
 */
public final class NoTestsCascade {

    /** The cost-cut target the thresholds are calibrated for unless the trainer is told another. */
    public static final double DEFAULT_MIN_COST_CUT = 0.9;
    /** Thresholds 0, 0.001, ..., 1: fine enough that scores bunched in a narrow band still get told apart. */
    private static final int THRESHOLD_STEPS = 1000;
    /** Rounds of moving one model's threshold at a time; on MBPP the search settles in two. */
    private static final int MAX_ROUNDS = 5;

    /** One model's answer to a task as the cascade meets it: what the scorer sees, and whether its tests passed. */
    public record Answer(AnswerEvidence evidence, boolean passed) {
    }

    /**
     * A task as the cascade replays it.
     *
     * @param solved  whether some model solved it by its label
     * @param answers one per ladder model, cheapest first: each model's first answer
     */
    public record Task(String taskId, boolean solved, List<Answer> answers) {

        public Task {
            answers = List.copyOf(answers);
        }
    }

    /**
     * The thresholds chosen on validation and what the cascade did there.
     *
     * @param thresholds one per model but the largest, cheapest first
     * @param reached    whether some thresholds met the target; when none did, they are those of the highest pass rate at
     *                   any cost
     * @param validationSolvedPassRate the pass rate over the validation tasks some model solved (NaN: none)
     */
    public record Calibration(List<Double> thresholds, CascadeTarget target, boolean reached, RoutingOutcome validation,
                              double validationCostCut, double validationSolvedPassRate) {

        public Calibration {
            thresholds = List.copyOf(thresholds);
        }

        /** The scorer's weights at these thresholds. */
        public AnswerScorer applyTo(AnswerScorer scorer) {
            return scorer.withThresholds(thresholds.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    private final List<PricedModel> ladder;

    public NoTestsCascade(List<PricedModel> ladder) {
        this.ladder = PricedModel.ladder(ladder);
    }

    /** The cascade with {@code scorer} at its thresholds over {@code tasks}; every task needs one answer per ladder model. */
    public RoutingOutcome replay(AnswerScorer scorer, List<Task> tasks) {
        return replay(new Scored(scorer, tasks), scorer.thresholds()).outcome();
    }

    /** Each task's answers scored once, so that a calibration replays thousands of thresholds cheaply. */
    private final class Scored {
        final List<Task> tasks;
        final double[][] scores;

        Scored(AnswerScorer scorer, List<Task> tasks) {
            if (tasks.isEmpty()) {
                throw new IllegalArgumentException("the no-tests cascade needs at least one task to replay");
            }
            this.tasks = tasks;
            this.scores = new double[tasks.size()][];
            for (int t = 0; t < tasks.size(); t++) {
                Task task = tasks.get(t);
                if (task.answers().size() != ladder.size()) {
                    throw new IllegalArgumentException("task " + task.taskId() + " has " + task.answers().size() + " answers for a ladder of "
                            + ladder.size());
                }
                scores[t] = task.answers().stream().mapToDouble(answer -> scorer.acceptanceScore(answer.evidence())).toArray();
            }
        }
    }

    /** A replay's outcome over every task, and its pass rate over the solved ones. */
    private record Replayed(RoutingOutcome outcome, double solvedPassRate) {
    }

    private Replayed replay(Scored scored, double[] thresholds) {
        double[] calls = new double[ladder.size()];
        double cost = 0;
        int passed = 0;
        int solved = 0;
        int solvedPassed = 0;
        for (int t = 0; t < scored.tasks.size(); t++) {
            Task task = scored.tasks.get(t);
            int model = 0;
            while (model < ladder.size() - 1 && scored.scores[t][model] < thresholds[model]) {
                calls[model]++;
                cost += ladder.get(model).costUnits();
                model++;
            }
            calls[model]++;
            cost += ladder.get(model).costUnits();
            boolean pass = task.answers().get(model).passed();
            passed += pass ? 1 : 0;
            solved += task.solved() ? 1 : 0;
            solvedPassed += task.solved() && pass ? 1 : 0;
        }
        List<ModelShare> shares = new ArrayList<>();
        for (int model = 0; model < ladder.size(); model++) {
            shares.add(new ModelShare(ladder.get(model).name(), calls[model] / scored.tasks.size()));
        }
        String words = Arrays.stream(thresholds).mapToObj(threshold -> String.format(Locale.ROOT, "%.3f", threshold))
                .collect(Collectors.joining(" / "));
        RoutingOutcome outcome = new RoutingOutcome("no-tests cascade at answer scores " + words, scored.tasks.size(),
                (double) passed / scored.tasks.size(), cost / scored.tasks.size(), shares);
        return new Replayed(outcome, solved == 0 ? Double.NaN : (double) solvedPassed / solved);
    }

    /** The fraction of always asking the largest model's cost that {@code outcome} saves; 0 on a ladder of free models. */
    public double costCut(RoutingOutcome outcome) {
        double largest = ladder.get(ladder.size() - 1).costUnits();
        return largest > 0 ? 1 - outcome.meanCost() / largest : 0;
    }

    /**
     * The thresholds that serve {@code target} best on {@code validation}; when none meets it, those of the highest pass
     * rate at any cost. The search starts from the best single threshold for every model, then moves one model's
     * threshold at a time while that improves the cascade, since rejecting an answer costs more the higher up the ladder
     * it was written.
     */
    public Calibration calibrate(AnswerScorer scorer, List<Task> validation, CascadeTarget target) {
        Scored scored = new Scored(scorer, validation);
        List<Double> steps = ThresholdSweep.evenlySpaced(THRESHOLD_STEPS);
        Calibration best = null;
        for (double threshold : steps) {
            double[] thresholds = new double[ladder.size() - 1];
            Arrays.fill(thresholds, threshold);
            best = better(candidate(scored, thresholds, target), best);
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Calibration before = best;
            for (int model = 0; model < ladder.size() - 1; model++) {
                for (double threshold : steps) {
                    double[] thresholds = best.thresholds().stream().mapToDouble(Double::doubleValue).toArray();
                    thresholds[model] = threshold;
                    best = better(candidate(scored, thresholds, target), best);
                }
            }
            if (best == before) {
                break;
            }
        }
        return best;
    }

    private Calibration candidate(Scored scored, double[] thresholds, CascadeTarget target) {
        Replayed replayed = replay(scored, thresholds);
        double cut = costCut(replayed.outcome());
        return new Calibration(Arrays.stream(thresholds).boxed().toList(), target, target.reachedBy(replayed.solvedPassRate(), cut),
                replayed.outcome(), cut, replayed.solvedPassRate());
    }

    /** The one to keep: one that meets the target over one that does not; among those that do, the target's preference. */
    private static Calibration better(Calibration candidate, Calibration incumbent) {
        if (incumbent == null) {
            return candidate;
        }
        if (candidate.reached() != incumbent.reached()) {
            return candidate.reached() ? candidate : incumbent;
        }
        boolean preferred = candidate.reached()
                ? candidate.target().prefers(pass(candidate), candidate.validationCostCut(), pass(incumbent), incumbent.validationCostCut())
                : pass(candidate) > pass(incumbent)
                        || pass(candidate) == pass(incumbent) && candidate.validationCostCut() > incumbent.validationCostCut();
        return preferred ? candidate : incumbent;
    }

    /** The pass rate a calibration is judged by: over the solved tasks, or over all when none is solved. */
    private static double pass(Calibration calibration) {
        return Double.isNaN(calibration.validationSolvedPassRate()) ? calibration.validation().passRate()
                : calibration.validationSolvedPassRate();
    }
}
