package io.complexitynet.reproduce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.complexitynet.core.routing.ModelShare;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.routing.RoutingOutcome;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutedRunTest {

    private static final List<PricedModel> LADDER = PaperFigures.pricedLadder(List.of("small", "middle", "large"), PaperFigures.COST_UNITS);

    private static final RoutedRun RUN = new RoutedRun("cascade", List.of(
            RoutedRequest.answered("1", true, 0.2, List.of("small")),
            RoutedRequest.answered("2", true, 3.0, List.of("small", "middle")),
            RoutedRequest.answered("3", false, 9.0, List.of("middle", "large")),
            RoutedRequest.refused("4", "INVALID_ARGUMENT: the verifier cannot run these tests")));

    @Test
    void everyModelARequestCalledIsPaidAtItsPerRequestPrice() {
        RoutingOutcome outcome = RUN.outcome(LADDER);
        assertEquals((1 + 1 + 10 + 10 + 100) / 4.0, outcome.meanCost(), 1e-9);
        assertEquals(List.of(new ModelShare("small", 0.5), new ModelShare("middle", 0.5), new ModelShare("large", 0.25)), outcome.shares());
    }

    @Test
    void aRefusedRequestFailsAndCostsNothing() {
        assertEquals(0.5, RUN.passRate(), 1e-9);
        assertEquals(List.of("4"), RUN.refused().stream().map(RoutedRequest::taskId).toList());
        assertEquals((0.2 + 3.0 + 9.0) / 4, RUN.billedCostPerTask(), 1e-9);
    }

    @Test
    void thePassRateWithinSomeTasksCountsOnlyThose() {
        assertEquals(0.5, RUN.passRateWithin(Set.of("2", "3")), 1e-9);
        assertEquals(1.0, RUN.passRateWithin(Set.of("1", "2")), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> RUN.passRateWithin(Set.of()));
    }

    @Test
    void onlyRequestsThatCalledSeveralModelsEscalated() {
        assertEquals(2, RUN.escalated());
    }

    @Test
    void aModelOutsideTheLadderIsNamed() {
        RoutedRun stranger = new RoutedRun("x", List.of(RoutedRequest.answered("1", true, 1, List.of("elsewhere"))));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> stranger.outcome(LADDER));
        assertEquals("the router answered with model 'elsewhere', which is not in the labelling ladder [small, middle, large]",
                error.getMessage());
    }
}
