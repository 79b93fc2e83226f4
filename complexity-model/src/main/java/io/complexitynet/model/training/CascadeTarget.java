package io.complexitynet.model.training;

import java.util.Locale;

/**
 * What the no-tests cascade's thresholds are calibrated for on the validation split: a cost cut to keep while passing as
 * much as possible, or a pass rate to keep while cutting as much cost as possible.
 */
public sealed interface CascadeTarget {

    /** Whether a cascade that passes {@code solvedPassRate} of the solved tasks at {@code costCut} meets the target. */
    boolean reachedBy(double solvedPassRate, double costCut);

    /** Among cascades that meet the target, whether the first is better than the second. */
    boolean prefers(double solvedPassRate, double costCut, double otherSolvedPassRate, double otherCostCut);

    /** The target in words, for reports. */
    String describe();

    /**
     * Cut at least {@code min} of always asking the largest model's cost, at the highest pass rate (the larger cut on a tie).
     */
    record CostCut(double min) implements CascadeTarget {

        public CostCut {
            if (!(min <= 1)) {
                throw new IllegalArgumentException("the no-tests cascade's minimum cost cut must be at most 1, was " + min);
            }
        }

        @Override
        public boolean reachedBy(double solvedPassRate, double costCut) {
            return costCut >= min;
        }

        @Override
        public boolean prefers(double solvedPassRate, double costCut, double otherSolvedPassRate, double otherCostCut) {
            return solvedPassRate > otherSolvedPassRate || solvedPassRate == otherSolvedPassRate && costCut > otherCostCut;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "a cost cut of at least %.1f%%", 100 * min);
        }
    }

    /**
     * Pass at least {@code min} of the tasks some model solved, at the largest cost cut (the higher pass rate on a tie).
     */
    record SolvedPassRate(double min) implements CascadeTarget {

        public SolvedPassRate {
            if (!(min >= 0 && min <= 1)) {
                throw new IllegalArgumentException("the no-tests cascade's minimum pass rate must be in [0, 1], was " + min);
            }
        }

        @Override
        public boolean reachedBy(double solvedPassRate, double costCut) {
            return solvedPassRate >= min;
        }

        @Override
        public boolean prefers(double solvedPassRate, double costCut, double otherSolvedPassRate, double otherCostCut) {
            return costCut > otherCostCut || costCut == otherCostCut && solvedPassRate > otherSolvedPassRate;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "a pass rate of at least %.1f%% of the solved tasks", 100 * min);
        }
    }
}
