package io.complexitynet.reproduce.domain;

/**
 * What one Router.Route call asks of the router besides the task: the policy, the expected-cost threshold (0: the
 * tenant's default), the most expensive model it may call (empty: the tenant's maximum) and whether it may escalate.
 */
public record RouteOptions(String policy, double qualityTarget, String maxModel, boolean escalate) {

    /** The policy with the tenant's threshold and maximum model, escalating on failure. */
    public static RouteOptions policy(String policy) {
        return new RouteOptions(policy, 0, "", true);
    }

    public RouteOptions withQualityTarget(double target) {
        return new RouteOptions(policy, target, maxModel, escalate);
    }

    public RouteOptions upTo(String model) {
        return new RouteOptions(policy, qualityTarget, model, escalate);
    }

    /** The first model's answer is verified but never escalated. */
    public RouteOptions withoutEscalation() {
        return new RouteOptions(policy, qualityTarget, maxModel, false);
    }
}
