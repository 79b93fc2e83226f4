package io.complexitynet.reproduce.domain;

import io.complexitynet.core.routing.FixedPolicy;
import io.complexitynet.core.routing.OperatingPoint;
import io.complexitynet.core.routing.Prediction;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.routing.RoutingOutcome;
import io.complexitynet.core.routing.RoutingSimulation;
import io.complexitynet.core.routing.SimulatedTask;
import io.complexitynet.core.routing.ThresholdSweep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The test split's real outcomes as the labeler's verified labels record them, with the promoted model's
 * predictions as Classify returned them: the references no router can be asked for (every request to one
 * model, the oracle) and the threshold policy's whole cost/quality curve, in per-request cost units.
 */
public final class KnownOutcomes {

    private final RoutingSimulation simulation;
    private final List<SimulatedTask> tasks;
    private final Map<String, TaskOutcome> outcomes;
    private final Set<String> solved;

    /**
     * @param outcomes    the labels by task id; a test task without one counts as failed by every model
     * @param predictions Classify's prediction for every test task, by task id
     */
    public KnownOutcomes(List<PricedModel> ladder, List<String> testTaskIds, Map<String, TaskOutcome> outcomes,
                         Map<String, Prediction> predictions) {
        this.simulation = new RoutingSimulation(ladder);
        this.outcomes = Map.copyOf(outcomes);
        List<SimulatedTask> simulated = new ArrayList<>();
        for (String taskId : testTaskIds) {
            Prediction prediction = predictions.get(taskId);
            if (prediction == null) {
                throw new IllegalArgumentException("no prediction for test task " + taskId);
            }
            simulated.add(new SimulatedTask(prediction, outcome(taskId).passRates()));
        }
        this.tasks = List.copyOf(simulated);
        this.solved = testTaskIds.stream().filter(taskId -> outcome(taskId).complexity().isPresent())
                .collect(Collectors.toUnmodifiableSet());
    }

    public int tasks() {
        return tasks.size();
    }

    /** The test tasks some model solved: the only ones the paper's pass rates count. */
    public Set<String> solved() {
        return solved;
    }

    /** What the labels say of one task; a task without a label passed with no model. */
    public TaskOutcome outcome(String taskId) {
        return outcomes.getOrDefault(taskId, TaskOutcome.unknown(taskId, simulation.ladder().size()));
    }

    /**
     * Whether the labels say {@code model}'s answer to the task passes: at least half its labelled answers passed (with
     * k = 1 its one answer, the one a replayed router serves).
     */
    public boolean passes(String taskId, String model) {
        List<PricedModel> ladder = simulation.ladder();
        for (int i = 0; i < ladder.size(); i++) {
            if (ladder.get(i).name().equals(model)) {
                return outcome(taskId).passRates()[i] >= 0.5;
            }
        }
        throw new IllegalArgumentException("the router answered with model '" + model + "', which is not in the labelling ladder "
                + ladder.stream().map(PricedModel::name).toList());
    }

    /** Every request sent to ladder model {@code model}. */
    public RoutingOutcome always(int model) {
        return simulation.run(new FixedPolicy(model), tasks);
    }

    public RoutingOutcome alwaysLargest() {
        return always(simulation.ladder().size() - 1);
    }

    public RoutingOutcome oracle() {
        return simulation.oracle(tasks);
    }

    /** Cheapest model first, stepping up on every failure, with no classifier. */
    public RoutingOutcome cascadeFromCheapest() {
        return simulation.cascade(new FixedPolicy(0), tasks);
    }

    /** The threshold policy at every threshold where a decision changes, plain. */
    public List<OperatingPoint> sweep() {
        return new ThresholdSweep(simulation, tasks).plain(ThresholdSweep.distinctPredictions(tasks));
    }

    /** The same, escalating on failure. */
    public List<OperatingPoint> cascadeSweep() {
        return new ThresholdSweep(simulation, tasks).cascade(ThresholdSweep.distinctPredictions(tasks));
    }
}
