package io.complexitynet.model.learning;

import java.util.Locale;

/**
 * Where a model's predicted complexity comes from: its classifier, or its calibrated pass heads (the
 * class of the cheapest model whose pass probability reaches a threshold). The trainer picks one on the
 * validation split.
 */
public sealed interface ComplexitySource {

    String describe();

    /** The complexity classifier's most probable class. */
    record Classifier() implements ComplexitySource {
        @Override
        public String describe() {
            return "classifier";
        }
    }

    /** The class of the cheapest model with calibrated pass probability at least {@code threshold}. */
    record PassHeads(double threshold) implements ComplexitySource {

        public PassHeads {
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException("the threshold must be in [0, 1], was " + threshold);
            }
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "pass heads at threshold %.2f", threshold);
        }
    }
}
