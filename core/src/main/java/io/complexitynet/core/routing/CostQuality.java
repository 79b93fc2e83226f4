package io.complexitynet.core.routing;

/** One point of a router's cost/quality trade-off: mean cost units per request and the quality reached. */
public record CostQuality(double cost, double quality) {

    public CostQuality {
        if (!Double.isFinite(cost) || !Double.isFinite(quality)) {
            throw new IllegalArgumentException("cost and quality must be finite, were " + cost + " and " + quality);
        }
    }
}
