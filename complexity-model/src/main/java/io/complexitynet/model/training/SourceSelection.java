package io.complexitynet.model.training;

import io.complexitynet.model.learning.ComplexitySource;
import java.util.Comparator;
import java.util.List;

/**
 * How the model's complexity source was chosen: every candidate's validation scores and the winner
 * (best macro-F1; on a tie the classifier, then the lower threshold).
 */
public record SourceSelection(List<SourceCandidate> candidates, SourceCandidate chosen) {

    public SourceSelection {
        candidates = List.copyOf(candidates);
    }

    static SourceSelection best(List<SourceCandidate> candidates) {
        SourceCandidate chosen = candidates.stream()
                .max(Comparator.comparingDouble(SourceCandidate::macroF1)
                        .thenComparing(candidate -> candidate.source() instanceof ComplexitySource.Classifier)
                        .thenComparing(SourceSelection::threshold, Comparator.reverseOrder()))
                .orElseThrow(() -> new IllegalArgumentException("no complexity source to choose from"));
        return new SourceSelection(candidates, chosen);
    }

    private static double threshold(SourceCandidate candidate) {
        return candidate.source() instanceof ComplexitySource.PassHeads heads ? heads.threshold() : 0;
    }

    /** The classifier's own validation scores. */
    public SourceCandidate classifier() {
        return candidates.stream().filter(candidate -> candidate.source() instanceof ComplexitySource.Classifier)
                .findFirst().orElseThrow();
    }

    /** The best pass-head candidate. */
    public SourceCandidate bestPassHeads() {
        return candidates.stream().filter(candidate -> candidate.source() instanceof ComplexitySource.PassHeads)
                .max(Comparator.comparingDouble(SourceCandidate::macroF1)
                        .thenComparing(SourceSelection::threshold, Comparator.reverseOrder()))
                .orElseThrow();
    }
}
