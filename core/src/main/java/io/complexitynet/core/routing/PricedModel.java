package io.complexitynet.core.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One model of the routing ladder and what a request to it costs, in the paper's relative cost units
 * (Code Llama 1, GPT-3.5 10, GPT-4 100). A ladder is a list of them, cheapest first.
 */
public record PricedModel(String name, double costUnits) {

    public PricedModel {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a priced model needs a name");
        }
        if (!(costUnits >= 0) || Double.isInfinite(costUnits)) {
            throw new IllegalArgumentException(name + ": cost units must be a finite number >= 0, was " + costUnits);
        }
    }

    /**
     * Checks that {@code ladder} is a usable ladder: not empty, names unique, costs non-decreasing
     * (cheapest first, which is what escalation and "cheapest that clears" rely on).
     *
     * @return an immutable copy of the ladder
     */
    public static List<PricedModel> ladder(List<PricedModel> ladder) {
        if (ladder == null || ladder.isEmpty()) {
            throw new IllegalArgumentException("the ladder needs at least one model");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ladder.size(); i++) {
            PricedModel model = ladder.get(i);
            if (!names.add(model.name())) {
                throw new IllegalArgumentException("model " + model.name() + " appears twice in the ladder");
            }
            if (i > 0 && model.costUnits() < ladder.get(i - 1).costUnits()) {
                throw new IllegalArgumentException("the ladder must be cheapest first, but " + model.name() + " ("
                        + model.costUnits() + ") costs less than " + ladder.get(i - 1).name() + " ("
                        + ladder.get(i - 1).costUnits() + ")");
            }
        }
        return List.copyOf(ladder);
    }
}
