package io.complexitynet.router.domain;

import io.complexitynet.core.refusal.RequestRefused;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the {@code model} of an OpenAI-style request asks for: {@code complexitynet} (the tenant's default policy),
 * {@code complexitynet/<policy>} with the policy's knob where it has one ({@code complexitynet/expected-cost:0.6}), or
 * a ladder model by its own name, straight to it (still within the tenant's allowed models, maximum and budget).
 */
public record ModelChoice(Optional<RoutingMode> mode, OptionalDouble threshold, Optional<String> ladderModel) {

    /** The name that routes by the tenant's default policy; the policies' names start with it and a slash. */
    public static final String ROUTER = "complexitynet";

    /**
     * @param ladder the router's models, cheapest first
     * @throws RequestRefused NOT_FOUND for a name that is none of these, INVALID_ARGUMENT for a knob that is not one
     */
    public static ModelChoice parse(String name, List<String> ladder) {
        if (name == null || name.isBlank()) {
            throw RequestRefused.invalidArgument("model", "is empty; use " + ROUTER + ", a policy or a ladder model (GET /v1/models)");
        }
        if (ladder.contains(name)) {
            return new ModelChoice(Optional.empty(), OptionalDouble.empty(), Optional.of(name));
        }
        if (name.equals(ROUTER)) {
            return new ModelChoice(Optional.empty(), OptionalDouble.empty(), Optional.empty());
        }
        String prefix = ROUTER + "/";
        if (!name.startsWith(prefix)) {
            throw unknown(name);
        }
        String[] policyAndKnob = name.substring(prefix.length()).split(":", 2);
        RoutingMode mode;
        try {
            mode = RoutingMode.named(policyAndKnob[0]);
        } catch (IllegalArgumentException e) {
            throw unknown(name);
        }
        if (policyAndKnob.length == 1) {
            return new ModelChoice(Optional.of(mode), OptionalDouble.empty(), Optional.empty());
        }
        if (mode != RoutingMode.EXPECTED_COST) {
            throw RequestRefused.invalidArgument("model", "policy " + mode.id() + " takes no knob; use " + prefix + mode.id());
        }
        double threshold;
        try {
            threshold = Double.parseDouble(policyAndKnob[1]);
        } catch (NumberFormatException e) {
            threshold = Double.NaN;
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw RequestRefused.invalidArgument("model", "the expected-cost policy's threshold is in (0, 1], not '" + policyAndKnob[1]
                    + "' (e.g. " + prefix + "expected-cost:0.6)");
        }
        return new ModelChoice(Optional.of(mode), OptionalDouble.of(threshold), Optional.empty());
    }

    /** Every name a request may use: the router, each policy, then the ladder's models. */
    public static List<String> names(List<String> ladder) {
        List<String> names = new ArrayList<>();
        names.add(ROUTER);
        for (RoutingMode mode : RoutingMode.values()) {
            names.add(ROUTER + "/" + mode.id());
        }
        names.addAll(ladder);
        return names;
    }

    private static RequestRefused unknown(String name) {
        return RequestRefused.notFound("the model '" + name + "' does not exist; use " + ROUTER + ", " + ROUTER
                + "/<policy>[:<threshold>] or a ladder model (GET /v1/models lists them)");
    }
}
