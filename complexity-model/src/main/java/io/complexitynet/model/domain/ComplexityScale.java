package io.complexitynet.model.domain;

import io.complexitynet.core.routing.ComplexityPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which ladder model each complexity class stands for, read off the labels: a class maps to the
 * cheapest model that passed its tasks (the most common one, should a rule mix them). With the paper
 * rule that is its own allocation, 1-2 to Code Llama, 3-4 to GPT-3.5, 5 to GPT-4; with the released
 * three classes, 0, 1, 2 to the models in order.
 */
public record ComplexityScale(Map<Integer, Integer> classToModel) {

    public ComplexityScale {
        if (classToModel.isEmpty()) {
            throw new IllegalArgumentException("a complexity scale needs at least one class");
        }
        classToModel = Map.copyOf(new TreeMap<>(classToModel));
    }

    /** The scale of the solved tasks among {@code tasks}. */
    public static ComplexityScale fromLabels(List<LabelledTask> tasks) {
        Map<Integer, int[]> votes = new TreeMap<>();
        for (LabelledTask task : tasks) {
            if (!task.solved()) {
                continue;
            }
            int cheapest = 0;
            while (cheapest < task.passes().size() - 1 && task.passes().get(cheapest).passes() == 0) {
                cheapest++;
            }
            votes.computeIfAbsent(task.complexity(), c -> new int[task.passes().size()])[cheapest]++;
        }
        if (votes.isEmpty()) {
            throw new TrainingRefused("no task is solved: there is no complexity label to learn from");
        }
        Map<Integer, Integer> scale = new TreeMap<>();
        votes.forEach((complexity, counts) -> {
            int model = 0;
            for (int i = 1; i < counts.length; i++) {
                if (counts[i] > counts[model]) {
                    model = i;
                }
            }
            scale.put(complexity, model);
        });
        return new ComplexityScale(scale);
    }

    /**
     * The class that says "model {@code model} is the cheapest that passes": the lowest class mapped to
     * it, else the highest class of a cheaper model, else the lowest class of all.
     */
    public int complexityOf(int model) {
        Optional<Integer> exact = classToModel.entrySet().stream()
                .filter(entry -> entry.getValue() == model).map(Map.Entry::getKey).min(Integer::compare);
        if (exact.isPresent()) {
            return exact.get();
        }
        return classToModel.entrySet().stream()
                .filter(entry -> entry.getValue() < model).map(Map.Entry::getKey).max(Integer::compare)
                .orElseGet(() -> classToModel.keySet().stream().min(Integer::compare).orElseThrow());
    }

    /** The paper's routing by predicted class, over this scale. */
    public ComplexityPolicy policy() {
        return new ComplexityPolicy(classToModel);
    }
}
