package io.complexitynet.core.routing;

/**
 * The threshold a calibration picked for a target, with its outcome on the validation split. When the
 * target cannot be reached, {@code reached} is false and {@code point} is the closest the sweep got.
 */
public record CalibratedThreshold(String target, boolean reached, OperatingPoint point) {

    public double threshold() {
        return point.threshold();
    }

    @Override
    public String toString() {
        return (reached ? "reached " : "could not reach ") + target + "; "
                + (reached ? "chosen " : "closest ") + point;
    }
}
