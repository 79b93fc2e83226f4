package io.complexitynet.model.training;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Predicts the most frequent training class for every prompt (on a tie, the lower class). */
final class MajorityBaseline implements ComplexityBaseline {

    private final int majority;

    private MajorityBaseline(int majority) {
        this.majority = majority;
    }

    static MajorityBaseline fit(List<Integer> complexities) {
        Map<Integer, Integer> counts = new TreeMap<>();
        complexities.forEach(complexity -> counts.merge(complexity, 1, Integer::sum));
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("the majority baseline needs at least one label");
        }
        Map.Entry<Integer, Integer> majority = null;
        for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
            if (majority == null || entry.getValue() > majority.getValue()) {
                majority = entry;
            }
        }
        return new MajorityBaseline(majority.getKey());
    }

    int majority() {
        return majority;
    }

    @Override
    public String name() {
        return "majority class";
    }

    @Override
    public int[] predictAll(List<String> prompts) {
        int[] predictions = new int[prompts.size()];
        Arrays.fill(predictions, majority);
        return predictions;
    }
}
