package io.complexitynet.core.labelling;

import java.util.List;

/** What every labelling rule checks of its ladder, its reliable pass rate and the pass counts it is given. */
final class RuleArguments {

    private RuleArguments() {
    }

    static void requireLadder(int ladderSize) {
        if (ladderSize < 1) {
            throw new IllegalArgumentException("the ladder needs at least one model");
        }
    }

    static void requireReliableRate(double reliable) {
        if (!(reliable > 0 && reliable <= 1)) {
            throw new IllegalArgumentException("the reliable pass rate must be in (0, 1], was " + reliable);
        }
    }

    static void requirePassCounts(List<ModelPasses> ladder, int ladderSize) {
        if (ladder.size() != ladderSize) {
            throw new IllegalArgumentException("expected pass counts for " + ladderSize + " models, got " + ladder.size());
        }
    }
}
