package io.complexitynet.model.training;

import io.complexitynet.model.learning.ComplexitySource;

/** A way to predict the complexity, scored on the solved validation tasks. */
public record SourceCandidate(ComplexitySource source, double macroF1, double accuracy) {
}
