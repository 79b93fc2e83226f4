package io.complexitynet.reproduce.domain;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** How many labelled tasks got each complexity, and how many no model solved. */
public record LabelDistribution(Map<Integer, Integer> byComplexity, int unsolved) {

    public LabelDistribution {
        byComplexity = Map.copyOf(byComplexity);
    }

    public static LabelDistribution of(Collection<TaskOutcome> labels) {
        Map<Integer, Integer> counts = new TreeMap<>();
        int unsolved = 0;
        for (TaskOutcome label : labels) {
            if (label.complexity().isPresent()) {
                counts.merge(label.complexity().getAsInt(), 1, Integer::sum);
            } else {
                unsolved++;
            }
        }
        return new LabelDistribution(counts, unsolved);
    }

    public int solved() {
        return byComplexity.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int labelled() {
        return solved() + unsolved;
    }

    public Map<Integer, Integer> sorted() {
        return new TreeMap<>(byComplexity);
    }
}
