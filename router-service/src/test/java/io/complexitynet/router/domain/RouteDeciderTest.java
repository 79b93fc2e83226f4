package io.complexitynet.router.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.core.routing.ComplexityPolicy;
import io.complexitynet.core.routing.Prediction;
import io.complexitynet.core.routing.PricedModel;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RouteDeciderTest {

    private static final List<PricedModel> LADDER = List.of(new PricedModel("small", 1), new PricedModel("middle", 10),
            new PricedModel("large", 100));
    private final RouteDecider decider = new RouteDecider(LADDER, ComplexityPolicy.paper());

    private static TenantPolicy tenant(Optional<List<String>> allowed, Optional<String> max, RoutingMode mode) {
        return new TenantPolicy("acme", allowed, max, mode, 0.5, 0, BudgetPeriod.MONTH, true);
    }

    private static final TenantPolicy OPEN = tenant(Optional.empty(), Optional.empty(), RoutingMode.PAPER);

    @Test
    void paperPolicyMapsComplexityToTheLadderAndKeepsTheRestForEscalation() {
        assertEquals(List.of(0, 1, 2), decider.decide(Prediction.of(2, 0.9, 0.9, 0.9), OPEN, RouteOptions.none()).ladder());
        assertEquals(List.of(1, 2), decider.decide(Prediction.of(3, 0.9, 0.9, 0.9), OPEN, RouteOptions.none()).ladder());
        assertEquals(List.of(2), decider.decide(Prediction.of(5, 0.9, 0.9, 0.9), OPEN, RouteOptions.none()).ladder());
    }

    @Test
    void expectedCostPicksTheCheapestModelClearingTheRequestsThreshold() {
        Prediction prediction = Prediction.of(1, 0.3, 0.7, 0.9);
        RouteOptions strict = new RouteOptions(Optional.of(RoutingMode.EXPECTED_COST), OptionalDouble.of(0.8), Optional.empty());
        RouteOptions loose = new RouteOptions(Optional.of(RoutingMode.EXPECTED_COST), OptionalDouble.of(0.6), Optional.empty());
        assertEquals(2, decider.decide(prediction, OPEN, strict).first());
        assertEquals(1, decider.decide(prediction, OPEN, loose).first());
        Decision byDefault = decider.decide(prediction, tenant(Optional.empty(), Optional.empty(), RoutingMode.EXPECTED_COST),
                RouteOptions.none());
        assertEquals(1, byDefault.first());
        assertEquals(0.5, byDefault.threshold());
    }

    @Test
    void cheapestFirstStartsAtTheCheapestAllowedModelWhateverThePrediction() {
        RouteOptions cheapestUpToMiddle = new RouteOptions(Optional.of(RoutingMode.CHEAPEST_FIRST), OptionalDouble.empty(),
                Optional.of("middle"));
        Decision decision = decider.decide(Prediction.of(5, 0.1, 0.1, 0.9), OPEN, cheapestUpToMiddle);
        assertEquals(List.of(0, 1), decision.ladder());
        assertEquals("cheapest first: small, the prediction not used", decision.reason());

        Decision stepped = decider.decide(Prediction.of(5, 0.1, 0.1, 0.9),
                tenant(Optional.of(List.of("middle", "large")), Optional.empty(), RoutingMode.CHEAPEST_FIRST), RouteOptions.none());
        assertEquals(List.of(1, 2), stepped.ladder());
        assertTrue(stepped.reason().endsWith("small is not allowed for tenant acme, so middle"), stepped.reason());
    }

    @Test
    void theScoredCascadeStartsAtTheCheapestAllowedModelWithinTheMaximum() {
        RouteOptions scoredUpToMiddle = new RouteOptions(Optional.of(RoutingMode.SCORED_CASCADE), OptionalDouble.empty(),
                Optional.of("middle"));
        Decision decision = decider.decide(Prediction.of(5, 0.1, 0.1, 0.9), OPEN, scoredUpToMiddle);
        assertEquals(List.of(0, 1), decision.ladder());
        assertEquals(RoutingMode.SCORED_CASCADE, decision.mode());
        assertTrue(decision.reason().startsWith("scored cascade from small"), decision.reason());
        assertEquals(RoutingMode.SCORED_CASCADE, RoutingMode.named("scored-cascade"));
    }

    @Test
    void neverGoesAboveTheTenantsMaximumAndSaysSo() {
        Decision decision = decider.decide(Prediction.of(5, 0.1, 0.1, 0.9),
                tenant(Optional.empty(), Optional.of("middle"), RoutingMode.PAPER), RouteOptions.none());
        assertEquals(List.of(1), decision.ladder());
        assertTrue(decision.reason().contains("large is above the maximum for tenant acme, so middle"), decision.reason());
    }

    @Test
    void stepsOverModelsTheTenantMayNotUse() {
        Decision decision = decider.decide(Prediction.of(1, 0.9, 0.9, 0.9),
                tenant(Optional.of(List.of("middle", "large")), Optional.empty(), RoutingMode.PAPER), RouteOptions.none());
        assertEquals(List.of(1, 2), decision.ladder());
        assertTrue(decision.reason().contains("small is not allowed for tenant acme, so middle"), decision.reason());
    }

    @Test
    void aRequestMayLowerTheMaximumButNotRaiseIt() {
        RouteOptions upToMiddle = new RouteOptions(Optional.empty(), OptionalDouble.empty(), Optional.of("middle"));
        assertEquals(List.of(0, 1), decider.decide(Prediction.of(1, 0.9, 0.9, 0.9), OPEN, upToMiddle).ladder());

        TenantPolicy capped = tenant(Optional.empty(), Optional.of("middle"), RoutingMode.PAPER);
        RouteOptions upToLarge = new RouteOptions(Optional.empty(), OptionalDouble.empty(), Optional.of("large"));
        RequestRefused refused = assertThrows(RequestRefused.class, () -> decider.decide(Prediction.of(1, 0.9, 0.9, 0.9), capped, upToLarge));
        assertEquals(RequestRefused.Kind.PERMISSION_DENIED, refused.kind());
        assertEquals("max_model large is above tenant acme's maximum middle", refused.getMessage());
    }

    @Test
    void anUnknownModelIsNamedInTheError() {
        RouteOptions unknown = new RouteOptions(Optional.empty(), OptionalDouble.empty(), Optional.of("gpt-9"));
        RequestRefused refused = assertThrows(RequestRefused.class, () -> decider.decide(Prediction.of(1, 0.9, 0.9, 0.9), OPEN, unknown));
        assertEquals(RequestRefused.Kind.INVALID_ARGUMENT, refused.kind());
        assertTrue(refused.getMessage().startsWith("max_model: unknown model 'gpt-9'"), refused.getMessage());
    }

    @Test
    void aTenantAllowedNothingBelowItsCeilingIsRefused() {
        TenantPolicy none = tenant(Optional.of(List.of("large")), Optional.of("middle"), RoutingMode.PAPER);
        RequestRefused refused = assertThrows(RequestRefused.class, () -> decider.decide(Prediction.of(1, 0.9, 0.9, 0.9), none,
                RouteOptions.none()));
        assertEquals(RequestRefused.Kind.PERMISSION_DENIED, refused.kind());
    }

    private static RouteOptions named(String model) {
        return new RouteOptions(Optional.empty(), OptionalDouble.empty(), Optional.empty(), OptionalInt.empty(), Optional.of(model));
    }

    @Test
    void aModelNamedByTheRequestIsTheOnlyOneAskedWithinWhatTheTenantMayUse() {
        Decision decision = decider.decide(Prediction.of(5, 0.1, 0.1, 0.9), OPEN, named("small"));
        assertEquals(List.of(0), decision.ladder(), "named: no escalation past it");
        assertEquals("the request named small", decision.reason());

        TenantPolicy cappedAtMiddle = tenant(Optional.empty(), Optional.of("middle"), RoutingMode.PAPER);
        RequestRefused above = assertThrows(RequestRefused.class, () -> decider.decide(Prediction.of(1, 0.9, 0.9, 0.9), cappedAtMiddle,
                named("large")));
        assertEquals(RequestRefused.Kind.PERMISSION_DENIED, above.kind());
        assertTrue(above.getMessage().contains("above the maximum middle"), above.getMessage());
        TenantPolicy largeOnly = tenant(Optional.of(List.of("large")), Optional.empty(), RoutingMode.PAPER);
        assertEquals(RequestRefused.Kind.PERMISSION_DENIED, assertThrows(RequestRefused.class,
                () -> decider.decide(Prediction.of(1, 0.9, 0.9, 0.9), largeOnly, named("small"))).kind());
    }
}
