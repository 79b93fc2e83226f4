package io.complexitynet.core.routing;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a policy achieved over a set of tasks: the expected pass rate, the mean cost units per request,
 * and per ladder model the share of requests that called it. Without escalation the shares sum to 1;
 * in a cascade a request can call several models, so they sum to at least 1.
 */
public record RoutingOutcome(String policy, int tasks, double passRate, double meanCost, List<ModelShare> shares) {

    public RoutingOutcome {
        shares = List.copyOf(shares);
        if (shares.isEmpty()) {
            throw new IllegalArgumentException("an outcome covers at least one model");
        }
    }

    /** The share of requests that called the most expensive model of the ladder. */
    public double largestModelShare() {
        return shares.get(shares.size() - 1).share();
    }

    /** The fraction of {@code other}'s cost this outcome saves: 1 - cost / other cost (negative when dearer). */
    public double costCutVersus(RoutingOutcome other) {
        if (!(other.meanCost() > 0)) {
            throw new IllegalArgumentException("cannot compare costs with '" + other.policy() + "', which costs nothing");
        }
        return 1 - meanCost / other.meanCost();
    }

    public CostQuality costQuality() {
        return new CostQuality(meanCost, passRate);
    }

    @Override
    public String toString() {
        String calls = shares.stream()
                .map(share -> String.format(Locale.ROOT, "%s %.1f%%", share.model(), 100 * share.share()))
                .collect(Collectors.joining(" / "));
        return String.format(Locale.ROOT, "%s: pass %.1f%%, cost %.2f units/request, calls %s (n=%d)",
                policy, 100 * passRate, meanCost, calls, tasks);
    }
}
