package io.complexitynet.router.domain;

import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.core.routing.ComplexityPolicy;
import io.complexitynet.core.routing.Prediction;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.routing.RoutingPolicy;
import io.complexitynet.core.routing.ThresholdPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a prediction into a decision within what the tenant may use: the policy's choice, moved up
 * to the next model the tenant is allowed, never above the tenant's (or the request's) maximum.
 */
public final class RouteDecider {

    /** The cheapest model whatever the prediction; escalation, by tests or by the answer's score, does the rest. */
    private record FromTheCheapest(String description, String explanation) implements RoutingPolicy {

        @Override
        public int choose(Prediction prediction) {
            return 0;
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public String explain(Prediction prediction) {
            return explanation;
        }
    }

    private final List<PricedModel> ladder;
    private final ComplexityPolicy paperPolicy;
    private final RoutingPolicy cheapestFirst;
    private final RoutingPolicy scoredCascade;

    public RouteDecider(List<PricedModel> ladder, ComplexityPolicy paperPolicy) {
        this.ladder = PricedModel.ladder(ladder);
        this.paperPolicy = paperPolicy;
        String cheapest = this.ladder.get(0).name();
        this.cheapestFirst = new FromTheCheapest("cheapest first: " + cheapest,
                "cheapest first: " + cheapest + ", the prediction not used");
        String scored = "scored cascade from " + cheapest
                + ": each answer scored (verified, with tests) before the next model is asked";
        this.scoredCascade = new FromTheCheapest(scored, scored);
    }

    public List<PricedModel> ladder() {
        return ladder;
    }

    /** The ladder's models (indexes, cheapest first) the tenant may use at or below its, and the request's, maximum. */
    public List<Integer> usable(TenantPolicy tenant, RouteOptions options) {
        int ceiling = ceiling(tenant, options);
        List<Integer> usable = new ArrayList<>();
        for (int i = 0; i <= ceiling; i++) {
            String name = ladder.get(i).name();
            if (tenant.allowedModels().map(allowed -> allowed.contains(name)).orElse(true)) {
                usable.add(i);
            }
        }
        return usable;
    }

    public Decision decide(Prediction prediction, TenantPolicy tenant, RouteOptions options) {
        int ceiling = ceiling(tenant, options);
        List<Integer> usable = usable(tenant, options);
        if (usable.isEmpty()) {
            throw RequestRefused.permissionDenied("tenant " + tenant.tenant()
                    + " may use no model at or below " + ladder.get(ceiling).name());
        }
        RoutingMode mode = options.mode().orElse(tenant.defaultMode());
        double threshold = options.threshold().orElse(tenant.defaultThreshold());
        if (options.ladderModel().isPresent()) {
            String name = options.ladderModel().get();
            int named = indexOf(name, "model");
            if (!usable.contains(named)) {
                throw RequestRefused.permissionDenied("tenant " + tenant.tenant() + " may not use " + name
                        + (named > ceiling ? ": it is above the maximum " + ladder.get(ceiling).name() : ""));
            }
            return new Decision(prediction, mode, threshold, List.of(named), "the request named " + name);
        }
        RoutingPolicy policy = switch (mode) {
            case PAPER -> paperPolicy;
            case EXPECTED_COST -> new ThresholdPolicy(threshold, ladder.size());
            case CHEAPEST_FIRST -> cheapestFirst;
            case SCORED_CASCADE -> scoredCascade;
        };
        int wanted = policy.choose(prediction);
        int first = usable.stream().filter(i -> i >= wanted).findFirst().orElse(usable.get(usable.size() - 1));
        StringBuilder reason = new StringBuilder(policy.explain(prediction));
        if (first != wanted) {
            reason.append(String.format(Locale.ROOT, "; %s is %s for tenant %s, so %s", ladder.get(wanted).name(),
                    wanted > ceiling ? "above the maximum" : "not allowed", tenant.tenant(), ladder.get(first).name()));
        }
        return new Decision(prediction, mode, threshold, usable.subList(usable.indexOf(first), usable.size()), reason.toString());
    }

    private int ceiling(TenantPolicy tenant, RouteOptions options) {
        int tenantMax = tenant.maxModel().map(name -> indexOf(name, "tenant " + tenant.tenant() + "'s max_model"))
                .orElse(ladder.size() - 1);
        Optional<String> requested = options.maxModel();
        if (requested.isEmpty()) {
            return tenantMax;
        }
        int requestMax = indexOf(requested.get(), "max_model");
        if (requestMax > tenantMax) {
            throw RequestRefused.permissionDenied("max_model " + requested.get()
                    + " is above tenant " + tenant.tenant() + "'s maximum " + ladder.get(tenantMax).name());
        }
        return requestMax;
    }

    private int indexOf(String model, String field) {
        for (int i = 0; i < ladder.size(); i++) {
            if (ladder.get(i).name().equals(model)) {
                return i;
            }
        }
        throw RequestRefused.invalidArgument(field, "unknown model '" + model + "'; the ladder is "
                + ladder.stream().map(PricedModel::name).toList());
    }
}
