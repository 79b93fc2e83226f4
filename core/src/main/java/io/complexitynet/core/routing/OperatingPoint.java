package io.complexitynet.core.routing;

import java.util.Locale;

/** The outcome of the threshold policy at one setting of its knob. */
public record OperatingPoint(double threshold, RoutingOutcome outcome) {

    public CostQuality costQuality() {
        return outcome.costQuality();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "threshold %.3f -> %s", threshold, outcome);
    }
}
