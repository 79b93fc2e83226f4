package io.complexitynet.labeler.domain;

import io.complexitynet.core.labelling.ModelPasses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts one task's passing samples per model of the ladder, in ladder order, out of k tries each. */
public final class PassTally {

    private final Map<String, Integer> passes = new LinkedHashMap<>();
    private final int tries;

    public PassTally(List<String> ladder, int tries) {
        ladder.forEach(model -> passes.put(model, 0));
        this.tries = tries;
    }

    public void add(String model, boolean passed) {
        if (!passes.containsKey(model)) {
            throw new IllegalArgumentException("model " + model + " is not on this job's ladder");
        }
        if (passed) {
            passes.merge(model, 1, Integer::sum);
        }
    }

    public List<ModelPasses> counts() {
        return passes.entrySet().stream().map(e -> new ModelPasses(e.getKey(), e.getValue(), tries)).toList();
    }
}
