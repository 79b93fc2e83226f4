package io.complexitynet.core.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays routing decisions over tasks whose real outcomes are known, so policies can be compared on
 * pass rate and cost without calling any model. Fractional pass rates count as expectations.
 */
public final class RoutingSimulation {

    private final List<PricedModel> ladder;

    public RoutingSimulation(List<PricedModel> ladder) {
        this.ladder = PricedModel.ladder(ladder);
    }

    public List<PricedModel> ladder() {
        return ladder;
    }

    /** Each request goes to the model the policy chooses, and only to it. */
    public RoutingOutcome run(RoutingPolicy policy, List<SimulatedTask> tasks) {
        Tally tally = new Tally(tasks);
        for (SimulatedTask task : tasks) {
            int model = chosen(policy, task);
            tally.call(model, 1);
            tally.pass(task.actualPassRate(model));
        }
        return tally.outcome(policy.describe());
    }

    /**
     * Each request starts at the model the policy chooses and, when the answer fails its tests, escalates
     * to the next more expensive model, paying every model tried. With rate r_j for model j of the chain,
     * P(solved) = 1 - prod(1 - r_j) and the expected cost is sum_j cost_j * prod_{l<j}(1 - r_l).
     */
    public RoutingOutcome cascade(RoutingPolicy policy, List<SimulatedTask> tasks) {
        return cascade(policy, tasks, 1);
    }

    /**
     * The cascade with retries: a model whose answer fails answers again, up to {@code triesPerModel} answers, before
     * the next model is asked, paying every answer. Each answer is an independent sample at the model's recorded pass
     * rate (passes / tries of the labelled samples), so a model with rate r_j fails all its tries with probability
     * (1 - r_j)^triesPerModel; with one try per model this is {@link #cascade(RoutingPolicy, List)}.
     */
    public RoutingOutcome cascade(RoutingPolicy policy, List<SimulatedTask> tasks, int triesPerModel) {
        if (triesPerModel < 1) {
            throw new IllegalArgumentException("tries per model must be at least 1, was " + triesPerModel);
        }
        Tally tally = new Tally(tasks);
        for (SimulatedTask task : tasks) {
            double stillFailing = 1;
            for (int model = chosen(policy, task); model < ladder.size(); model++) {
                for (int attempt = 0; attempt < triesPerModel; attempt++) {
                    tally.call(model, stillFailing);
                    stillFailing *= 1 - task.actualPassRate(model);
                }
            }
            tally.pass(1 - stillFailing);
        }
        return tally.outcome("cascade from " + policy.describe()
                + (triesPerModel == 1 ? "" : ", up to " + triesPerModel + " answers per model"));
    }

    /**
     * The best a router could do knowing the outcomes: per task the cheapest model with the highest actual
     * pass rate (with one try, the cheapest that passed); a task no model solves goes to the cheapest model.
     */
    public RoutingOutcome oracle(List<SimulatedTask> tasks) {
        Tally tally = new Tally(tasks);
        for (SimulatedTask task : tasks) {
            int best = 0;
            for (int model = 1; model < ladder.size(); model++) {
                if (task.actualPassRate(model) > task.actualPassRate(best)) {
                    best = model;
                }
            }
            tally.call(best, 1);
            tally.pass(task.actualPassRate(best));
        }
        return tally.outcome("oracle: cheapest model with the highest actual pass rate");
    }

    private int chosen(RoutingPolicy policy, SimulatedTask task) {
        int model = policy.choose(task.prediction());
        if (model < 0 || model >= ladder.size()) {
            throw new IllegalArgumentException("policy '" + policy.describe() + "' chose model " + model
                    + ", but the ladder has " + ladder.size() + " models");
        }
        return model;
    }

    /** Running sums of expected calls and passes over one simulation. */
    private final class Tally {

        private final int tasks;
        private final double[] calls = new double[ladder.size()];
        private double passes;

        Tally(List<SimulatedTask> tasks) {
            if (tasks.isEmpty()) {
                throw new IllegalArgumentException("no tasks to simulate");
            }
            for (SimulatedTask task : tasks) {
                if (task.models() != ladder.size()) {
                    throw new IllegalArgumentException("a task has actual pass rates for " + task.models()
                            + " models, but the ladder has " + ladder.size());
                }
            }
            this.tasks = tasks.size();
        }

        void call(int model, double probability) {
            calls[model] += probability;
        }

        void pass(double probability) {
            passes += probability;
        }

        RoutingOutcome outcome(String policy) {
            double cost = 0;
            List<ModelShare> shares = new ArrayList<>();
            for (int model = 0; model < ladder.size(); model++) {
                cost += calls[model] * ladder.get(model).costUnits();
                shares.add(new ModelShare(ladder.get(model).name(), calls[model] / tasks));
            }
            return new RoutingOutcome(policy, tasks, passes / tasks, cost / tasks, shares);
        }
    }
}
