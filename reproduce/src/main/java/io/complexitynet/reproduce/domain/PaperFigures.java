package io.complexitynet.reproduce.domain;

import io.complexitynet.core.routing.PricedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The paper's own numbers (ComplexityNet, arXiv 2312.11511 v3, as summarised in the project's PAPER.md),
 * printed beside ours; they are quoted, never recomputed.
 */
public final class PaperFigures {

    /** Fine-tuned davinci-002 on the paper's 3-class validation set (30 of its 150 tasks). */
    public static final double FINE_TUNED_ACCURACY = 0.79;
    /** The same model un-tuned. */
    public static final double ZERO_SHOT_ACCURACY = 0.34;
    /** Code-generation accuracy the paper kept while cutting cost. */
    public static final double PASS_RATE = 0.867;
    /** Cost cut against sending everything to GPT-4. */
    public static final double COST_CUT = 0.90;
    /** MBPP tasks the paper labelled, and those some model solved by its recorded pass flags. */
    public static final int TASKS = 974;
    public static final int SOLVED_BY_RECORDED_FLAGS = 653;
    /** Tasks per class in the paper's final, class-balanced training set. */
    public static final int PER_CLASS_IN_FINAL_SET = 50;
    /** Cost units per request of the paper's ladder: Code Llama 1, GPT-3.5 10, GPT-4 100 (from its API prices). */
    public static final List<Double> COST_UNITS = List.of(1.0, 10.0, 100.0);
    /** The paper's ladder, cheapest first, as the recorded outputs name its models. */
    public static final List<String> MODELS = List.of("codellama-7b-python", "gpt-3.5-turbo-1106", "gpt-4-1106-preview");

    private PaperFigures() {
    }

    /**
     * The ladder {@code models} (cheapest first) priced per request: the paper's cost units by position,
     * or {@code costUnits} when given one per model.
     */
    public static boolean isPaperLadder(List<PricedModel> ladder) {
        return ladder.stream().map(PricedModel::name).toList().equals(MODELS);
    }

    /**
     * The ladder {@code models} priced per request by {@code costUnits}, or, when none are given, by the paper's units
     * for MBPP on a three-model ladder; any other data set or ladder has no units but those given.
     */
    public static List<PricedModel> pricedLadder(List<String> models, Optional<List<Double>> costUnits, boolean mbpp) {
        if (costUnits.isEmpty() && !(mbpp && models.size() == COST_UNITS.size())) {
            throw new IllegalArgumentException("the ladder " + models + " has no default cost units (the paper's 1,10,100 are for"
                    + " MBPP on three models); give one per model, cheapest first, with --cost-units");
        }
        return pricedLadder(models, costUnits.orElse(COST_UNITS));
    }

    public static List<PricedModel> pricedLadder(List<String> models, List<Double> costUnits) {
        if (models.size() != costUnits.size()) {
            throw new IllegalArgumentException("the ladder has " + models.size() + " models " + models + " but "
                    + costUnits.size() + " cost units were given " + costUnits + "; give one per model (--cost-units)");
        }
        List<PricedModel> ladder = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            ladder.add(new PricedModel(models.get(i), costUnits.get(i)));
        }
        return PricedModel.ladder(ladder);
    }
}
