package io.complexitynet.core.labelling;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A ladder index for any ladder length that asks for reliability: the cheapest model whose pass rate reaches
 * {@code reliable}; the last model if it passes at all (nothing above it to prefer); when no model does either, the
 * one that passed most often, cheapest on a tie. With one answer per model it labels as {@link CheapestPassingRule}.
 */
public final class CheapestReliablyPassingRule implements LabellingRule {

    public static final String ID = "cheapest-reliably-passing";

    private final int ladderSize;
    private final double reliable;

    public CheapestReliablyPassingRule(int ladderSize, double reliable) {
        RuleArguments.requireLadder(ladderSize);
        RuleArguments.requireReliableRate(reliable);
        this.ladderSize = ladderSize;
        this.reliable = reliable;
    }

    @Override
    public String version() {
        return String.format("%s/v1(reliable>=%.2f)", ID, reliable);
    }

    @Override
    public List<Integer> classes() {
        return IntStream.range(0, ladderSize).boxed().toList();
    }

    @Override
    public ComplexityLabel label(List<ModelPasses> ladder) {
        RuleArguments.requirePassCounts(ladder, ladderSize);
        int last = ladder.size() - 1;
        for (int i = 0; i < last; i++) {
            if (ladder.get(i).passesReliably(reliable)) {
                return ComplexityLabel.of(i, version());
            }
        }
        if (ladder.get(last).passes() > 0) {
            return ComplexityLabel.of(last, version());
        }
        int mostOften = 0;
        for (int i = 1; i < last; i++) {
            if (ladder.get(i).passRate() > ladder.get(mostOften).passRate()) {
                mostOften = i;
            }
        }
        return ladder.get(mostOften).passes() > 0 ? ComplexityLabel.of(mostOften, version()) : ComplexityLabel.unsolved(version());
    }
}
