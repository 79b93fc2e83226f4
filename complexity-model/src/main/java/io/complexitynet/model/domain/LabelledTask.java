package io.complexitynet.model.domain;

import io.complexitynet.core.labelling.ModelPasses;
import java.util.List;
import java.util.OptionalInt;

/**
 * One training row: a task's classifier input, its complexity label ({@code null} when no model of the
 * ladder solved it) and the pass counts the label came from, one per ladder model, cheapest first.
 */
public record LabelledTask(String sourceId, String prompt, Integer complexity, List<ModelPasses> passes) {

    public LabelledTask {
        if (sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("a labelled task needs a source id");
        }
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("task " + sourceId + " has an empty prompt");
        }
        if (passes == null || passes.isEmpty()) {
            throw new IllegalArgumentException("task " + sourceId + " has no pass counts");
        }
        passes = List.copyOf(passes);
    }

    /**
     * The id of task {@code sourceId} of data set {@code dataset} when several data sets train together,
     * {@code <dataset>/<source id>}: their own ids may collide (both have a task "1").
     */
    public static String idInDataset(String dataset, String sourceId) {
        return dataset + "/" + sourceId;
    }

    /** The complexity; empty for a task no model solved. */
    public OptionalInt label() {
        return complexity == null ? OptionalInt.empty() : OptionalInt.of(complexity);
    }

    /** False for a task no model solved: the paper dropped those, and they never train the classifier. */
    public boolean solved() {
        return complexity != null;
    }

    /** The share of model {@code model}'s tries that passed: the soft label of that model's pass head. */
    public double passRate(int model) {
        return passes.get(model).passRate();
    }

    /** The models' pass rates in ladder order, the real outcomes a routing simulation replays. */
    public double[] passRates() {
        return passes.stream().mapToDouble(ModelPasses::passRate).toArray();
    }
}
