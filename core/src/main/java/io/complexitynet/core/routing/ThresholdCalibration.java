package io.complexitynet.core.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Picks the threshold for an operator's target from a sweep over a validation split, so the knob is
 * set on data the classifier was not trained on and reported with what it achieved there.
 */
public final class ThresholdCalibration {

    // Pass rates and shares are means of many terms; a target of exactly 0.8 must accept 0.7999999999.
    private static final double TOLERANCE = 1e-9;

    private static final Comparator<OperatingPoint> BY_THRESHOLD = Comparator.comparingDouble(OperatingPoint::threshold);
    private static final Comparator<OperatingPoint> CHEAPEST = Comparator
            .comparingDouble((OperatingPoint point) -> point.outcome().meanCost());
    private static final Comparator<OperatingPoint> BEST_PASS = Comparator
            .comparingDouble((OperatingPoint point) -> -point.outcome().passRate());

    private final List<OperatingPoint> sweep;

    public ThresholdCalibration(List<OperatingPoint> validationSweep) {
        if (validationSweep.isEmpty()) {
            throw new IllegalArgumentException("calibration needs a sweep with at least one operating point");
        }
        this.sweep = List.copyOf(validationSweep);
    }

    /**
     * The threshold with the best pass rate among those that send at most {@code share} of requests to the
     * largest model (ties: cheaper, then lower threshold). Unreachable: the one with the smallest share.
     */
    public CalibratedThreshold largestShareAtMost(double share) {
        requireFraction(share, "share of the largest model");
        String target = String.format(Locale.ROOT, "largest model share <= %.1f%%", 100 * share);
        Comparator<OperatingPoint> preference = BEST_PASS.thenComparing(CHEAPEST).thenComparing(BY_THRESHOLD);
        Comparator<OperatingPoint> fallback = Comparator
                .comparingDouble((OperatingPoint point) -> point.outcome().largestModelShare())
                .thenComparing(preference);
        return pick(target, point -> point.outcome().largestModelShare() <= share + TOLERANCE, preference, fallback);
    }

    /**
     * The cheapest threshold whose expected pass rate is at least {@code pass} (ties: better pass, then
     * lower threshold). Unreachable: the one with the best pass rate.
     */
    public CalibratedThreshold expectedPassAtLeast(double pass) {
        requireFraction(pass, "pass rate");
        String target = String.format(Locale.ROOT, "expected pass >= %.1f%%", 100 * pass);
        Comparator<OperatingPoint> preference = CHEAPEST.thenComparing(BEST_PASS).thenComparing(BY_THRESHOLD);
        Comparator<OperatingPoint> fallback = BEST_PASS.thenComparing(CHEAPEST).thenComparing(BY_THRESHOLD);
        return pick(target, point -> point.outcome().passRate() >= pass - TOLERANCE, preference, fallback);
    }

    private CalibratedThreshold pick(String target, Predicate<OperatingPoint> meetsTarget,
            Comparator<OperatingPoint> preference, Comparator<OperatingPoint> fallback) {
        return sweep.stream().filter(meetsTarget).min(preference)
                .map(point -> new CalibratedThreshold(target, true, point))
                .orElseGet(() -> new CalibratedThreshold(target, false, sweep.stream().min(fallback).orElseThrow()));
    }

    private static void requireFraction(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("the target " + what + " must be in [0, 1], was " + value);
        }
    }
}
