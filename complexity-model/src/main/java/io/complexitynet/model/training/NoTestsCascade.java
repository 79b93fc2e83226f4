package io.complexitynet.model.training;

import io.complexitynet.core.routing.ModelShare;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.routing.RoutingOutcome;
import io.complexitynet.core.routing.ThresholdSweep;
import io.complexitynet.model.learning.AnswerEvidence;
import io.complexitynet.model.learning.AnswerScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The no-tests cascade replayed over tasks with recorded answers: each task starts at the cheapest model, whose answer is
 * taken when the scorer accepts it, else the next model is asked; the largest model's answer is always taken. Every
 * model asked costs its cost units, and the task passes when the taken answer passed its tests. The threshold is
 * calibrated here too, for the highest pass rate at a cost cut against always asking the largest model.
 */
public final class NoTestsCascade {

    /** The cost-cut target the threshold is calibrated for unless the trainer is told another. */
    public static final double DEFAULT_MIN_COST_CUT = 0.9;
    /** Thresholds 0, 0.001, ..., 1: fine enough that scores bunched in a narrow band still get told apart. */
    private static final int THRESHOLD_STEPS = 1000;

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
     * The threshold chosen on validation and what the cascade did there.
     *
     * @param reached whether some threshold met the cost-cut target; when none did, the threshold is that of the highest
     *                pass rate at any cost
     */
    public record Calibration(double threshold, double minCostCut, boolean reached, RoutingOutcome validation, double validationCostCut) {
    }

    private final List<PricedModel> ladder;

    public NoTestsCascade(List<PricedModel> ladder) {
        this.ladder = PricedModel.ladder(ladder);
    }

    /** The cascade with {@code scorer} at its threshold over {@code tasks}; every task needs one answer per ladder model. */
    public RoutingOutcome replay(AnswerScorer scorer, List<Task> tasks) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("the no-tests cascade needs at least one task to replay");
        }
        double[] calls = new double[ladder.size()];
        double cost = 0;
        int passed = 0;
        for (Task task : tasks) {
            if (task.answers().size() != ladder.size()) {
                throw new IllegalArgumentException("task " + task.taskId() + " has " + task.answers().size() + " answers for a ladder of "
                        + ladder.size());
            }
            int model = 0;
            while (true) {
                calls[model]++;
                cost += ladder.get(model).costUnits();
                Answer answer = task.answers().get(model);
                if (model == ladder.size() - 1 || scorer.accepts(answer.evidence())) {
                    passed += answer.passed() ? 1 : 0;
                    break;
                }
                model++;
            }
        }
        List<ModelShare> shares = new ArrayList<>();
        for (int model = 0; model < ladder.size(); model++) {
            shares.add(new ModelShare(ladder.get(model).name(), calls[model] / tasks.size()));
        }
        return new RoutingOutcome(String.format(Locale.ROOT, "no-tests cascade at answer score %.3f", scorer.threshold()), tasks.size(),
                (double) passed / tasks.size(), cost / tasks.size(), shares);
    }

    /** The fraction of always asking the largest model's cost that {@code outcome} saves; 0 on a ladder of free models. */
    public double costCut(RoutingOutcome outcome) {
        double largest = ladder.get(ladder.size() - 1).costUnits();
        return largest > 0 ? 1 - outcome.meanCost() / largest : 0;
    }

    /**
     * The threshold with the highest pass rate on {@code validation} among those that cut at least {@code minCostCut} of
     * always-largest's cost (the cheaper, then the lower threshold, on a tie); when none does, the highest pass rate at any cost.
     */
    public Calibration calibrate(AnswerScorer scorer, List<Task> validation, double minCostCut) {
        Calibration best = null;
        Calibration bestAnyCost = null;
        for (double threshold : ThresholdSweep.evenlySpaced(THRESHOLD_STEPS)) {
            RoutingOutcome outcome = replay(scorer.withThreshold(threshold), validation);
            double cut = costCut(outcome);
            boolean reached = cut >= minCostCut;
            Calibration candidate = new Calibration(threshold, minCostCut, reached, outcome, cut);
            if (reached && better(candidate, best)) {
                best = candidate;
            }
            if (better(candidate, bestAnyCost)) {
                bestAnyCost = new Calibration(threshold, minCostCut, false, outcome, cut);
            }
        }
        return best != null ? best : bestAnyCost;
    }

    private static boolean better(Calibration candidate, Calibration incumbent) {
        if (incumbent == null) {
            return true;
        }
        double pass = candidate.validation().passRate() - incumbent.validation().passRate();
        return pass > 0 || pass == 0 && candidate.validation().meanCost() < incumbent.validation().meanCost();
    }
}
