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
        if (ladderSize < 1) {
            throw new IllegalArgumentException("the ladder needs at least one model");
        }
        if (!(reliable > 0 && reliable <= 1)) {
            throw new IllegalArgumentException("the reliable pass rate must be in (0, 1], was " + reliable);
        }
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
        if (ladder.size() != ladderSize) {
            throw new IllegalArgumentException("expected pass counts for " + ladderSize + " models, got " + ladder.size());
        }
        int last = ladder.size() - 1;
        for (int i = 0; i < last; i++) {
            // The same tolerance as the paper rule's, so that 4/5 counts as 0.8 despite floating point.
            if (ladder.get(i).passRate() + 1e-9 >= reliable) {
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
