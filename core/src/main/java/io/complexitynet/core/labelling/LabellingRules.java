package io.complexitynet.core.labelling;

import java.util.List;

/** The rules a labelling job may name, by identifier. */
public final class LabellingRules {

    public static final List<String> IDS = List.of(PaperRule.ID, CheapestPassingRule.ID, CheapestReliablyPassingRule.ID);

    private LabellingRules() {
    }

    /** The rule called {@code id} for a ladder of {@code ladderSize} models; {@code reliable} is used by the rules that ask for reliability. */
    public static LabellingRule named(String id, int ladderSize, double reliable) {
        return switch (id) {
            case PaperRule.ID -> new PaperRule(ladderSize, reliable);
            case CheapestPassingRule.ID -> new CheapestPassingRule(ladderSize);
            case CheapestReliablyPassingRule.ID -> new CheapestReliablyPassingRule(ladderSize, reliable);
            default -> throw new IllegalArgumentException("unknown labelling rule '" + id + "'; known: " + IDS);
        };
    }
}
