package io.complexitynet.trainer.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * When a model may replace the promoted one: its validation pass rate is higher by at least
 * {@code minPassRateGainPoints} percentage points, at no higher validation cost. With nothing
 * promoted yet any model qualifies.
 */
public record PromotionPolicy(double minPassRateGainPoints) {

    /** Pass rates are fractions of whole tasks: 0.29 - 0.28 is 0.99999... points in doubles, and must count as 1. */
    private static final double ROUNDING = 1e-9;

    /** Why the candidate does not qualify, or empty when it does. */
    public Optional<String> refusal(HeadlineMetrics candidate, Optional<HeadlineMetrics> promoted) {
        if (promoted.isEmpty()) {
            return Optional.empty();
        }
        HeadlineMetrics current = promoted.get();
        double gain = 100 * (candidate.validationPassRate() - current.validationPassRate());
        if (gain + ROUNDING < minPassRateGainPoints) {
            return Optional.of(String.format(Locale.ROOT, "validation pass rate %.1f%% is %+.1f points from the promoted model's %.1f%%;"
                            + " the policy asks for at least %+.1f", 100 * candidate.validationPassRate(), gain,
                    100 * current.validationPassRate(), minPassRateGainPoints));
        }
        if (candidate.validationCost() > current.validationCost()) {
            return Optional.of(String.format(Locale.ROOT, "validation cost %.2f units per request is above the promoted model's %.2f",
                    candidate.validationCost(), current.validationCost()));
        }
        return Optional.empty();
    }
}
