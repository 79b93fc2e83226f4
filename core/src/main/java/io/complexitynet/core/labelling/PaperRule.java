package io.complexitynet.core.labelling;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The paper's five levels, generalised to any ladder: going up the ladder cheapest first, model
 * {@code i} gives {@code 2i+1} if it passes reliably (pass rate at least {@code reliable}, 4 of 5 by
 * default) and {@code 2i+2} if it passes sometimes; the last model gives {@code 2(n-1)+1} if it passes
 * at all. With Code Llama, GPT-3.5 and GPT-4: 1 and 2 for Code Llama, 3 and 4 for GPT-3.5, 5 for GPT-4.
 */
public final class PaperRule implements LabellingRule {

    public static final String ID = "paper5";
    private static final double DEFAULT_RELIABLE = 0.8;

    private final double reliable;
    private final int ladderSize;

    public PaperRule(int ladderSize, double reliable) {
        RuleArguments.requireLadder(ladderSize);
        RuleArguments.requireReliableRate(reliable);
        this.ladderSize = ladderSize;
        this.reliable = reliable;
    }

    public static PaperRule withDefaults(int ladderSize) {
        return new PaperRule(ladderSize, DEFAULT_RELIABLE);
    }

    @Override
    public String version() {
        return String.format("%s/v1(reliable>=%.2f)", ID, reliable);
    }

    @Override
    public List<Integer> classes() {
        return IntStream.rangeClosed(1, 2 * (ladderSize - 1) + 1).boxed().toList();
    }

    @Override
    public ComplexityLabel label(List<ModelPasses> ladder) {
        RuleArguments.requirePassCounts(ladder, ladderSize);
        int last = ladder.size() - 1;
        for (int i = 0; i < last; i++) {
            ModelPasses model = ladder.get(i);
            if (model.passesReliably(reliable)) {
                return ComplexityLabel.of(2 * i + 1, version());
            }
            if (model.passes() > 0) {
                return ComplexityLabel.of(2 * i + 2, version());
            }
        }
        return ladder.get(last).passes() > 0 ? ComplexityLabel.of(2 * last + 1, version()) : ComplexityLabel.unsolved(version());
    }
}
