package io.complexitynet.core.labelling;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The rule of the paper's released data: the complexity is the ladder index (0 = cheapest) of the
 * cheapest model that passed at least once.
 */
public final class CheapestPassingRule implements LabellingRule {

    public static final String ID = "cheapest-passing";

    private final int ladderSize;

    public CheapestPassingRule(int ladderSize) {
        RuleArguments.requireLadder(ladderSize);
        this.ladderSize = ladderSize;
    }

    @Override
    public String version() {
        return ID + "/v1";
    }

    @Override
    public List<Integer> classes() {
        return IntStream.range(0, ladderSize).boxed().toList();
    }

    @Override
    public ComplexityLabel label(List<ModelPasses> ladder) {
        RuleArguments.requirePassCounts(ladder, ladderSize);
        for (int i = 0; i < ladder.size(); i++) {
            if (ladder.get(i).passes() > 0) {
                return ComplexityLabel.of(i, version());
            }
        }
        return ComplexityLabel.unsolved(version());
    }
}
