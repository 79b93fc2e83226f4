package io.complexitynet.core.routing;

import static io.complexitynet.core.routing.Tasks.FOUR;
import static io.complexitynet.core.routing.Tasks.SIMULATION;
import static io.complexitynet.core.routing.Tasks.predicted;
import static io.complexitynet.core.routing.Tasks.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingSimulationTest {

    private static final double EXACT = 1e-12;

    private static void assertShares(RoutingOutcome outcome, double... expected) {
        assertEquals(expected.length, outcome.shares().size());
        for (int model = 0; model < expected.length; model++) {
            assertEquals(Tasks.LADDER.get(model).name(), outcome.shares().get(model).model());
            assertEquals(expected[model], outcome.shares().get(model).share(), EXACT, "share of model " + model);
        }
    }

    @Test
    void aRunPaysOnlyTheChosenModel() {
        RoutingOutcome outcome = SIMULATION.run(new ThresholdPolicy(0.75, 3), FOUR);
        assertEquals(0.75, outcome.passRate(), EXACT);
        assertEquals((1 + 10 + 100 + 100) / 4.0, outcome.meanCost(), EXACT);
        assertShares(outcome, 0.25, 0.25, 0.5);
        assertEquals(4, outcome.tasks());
    }

    @Test
    void aCascadePaysEveryModelTriedUntilOnePasses() {
        RoutingOutcome outcome = SIMULATION.cascade(new FixedPolicy(0), FOUR);
        assertEquals(0.75, outcome.passRate(), EXACT);
        assertEquals((1 + 11 + 111 + 111) / 4.0, outcome.meanCost(), EXACT);
        assertShares(outcome, 1, 0.75, 0.5);
        assertTrue(outcome.policy().startsWith("cascade from always model 0"), outcome.policy());
    }

    @Test
    void aCascadeWithFractionalRatesUsesExpectations() {
        RoutingOutcome fromCheapest = SIMULATION.cascade(new FixedPolicy(0), List.of(task(predicted(0, 0, 0), 0.5, 0.8, 1)));
        assertEquals(1, fromCheapest.passRate(), EXACT);
        assertEquals(1 + 10 * 0.5 + 100 * 0.5 * 0.2, fromCheapest.meanCost(), EXACT);
        assertShares(fromCheapest, 1, 0.5, 0.1);

        RoutingOutcome fromMiddle = SIMULATION.cascade(new FixedPolicy(1), List.of(task(predicted(0, 0, 0), 0.5, 0.5, 0.5)));
        assertEquals(0.75, fromMiddle.passRate(), EXACT);
        assertEquals(10 + 100 * 0.5, fromMiddle.meanCost(), EXACT);
        assertShares(fromMiddle, 0, 1, 0.5);
    }

    @Test
    void retriesBeforeEscalationPayEveryAnswerAndFailAModelOnlyWhenAllItsTriesFail() {
        // Rates from three labelled samples: the cheap model passes one of three, the middle two, the large all.
        List<SimulatedTask> flaky = List.of(task(predicted(0, 0, 0), 1 / 3.0, 2 / 3.0, 1));
        RoutingOutcome twice = SIMULATION.cascade(new FixedPolicy(0), flaky, 2);
        double cheapFails = 2 / 3.0;
        double middleFails = 1 / 3.0;
        assertEquals(1, twice.passRate(), EXACT);
        assertShares(twice, 1 + cheapFails, cheapFails * cheapFails * (1 + middleFails),
                cheapFails * cheapFails * middleFails * middleFails);
        assertEquals(1 * (1 + cheapFails) + 10 * cheapFails * cheapFails * (1 + middleFails)
                + 100 * cheapFails * cheapFails * middleFails * middleFails, twice.meanCost(), EXACT);
        assertTrue(twice.policy().endsWith("up to 2 answers per model"), twice.policy());

        // No model past the first: retries raise the pass rate from r to 1 - (1 - r)^n and cost n answers at most.
        RoutingSimulation cheapOnly = new RoutingSimulation(Tasks.LADDER.subList(0, 1));
        List<SimulatedTask> half = List.of(task(predicted(0), 0.5));
        assertEquals(0.5, cheapOnly.cascade(new FixedPolicy(0), half, 1).passRate(), EXACT);
        assertEquals(0.875, cheapOnly.cascade(new FixedPolicy(0), half, 3).passRate(), EXACT);
        assertEquals(1 + 0.5 + 0.25, cheapOnly.cascade(new FixedPolicy(0), half, 3).meanCost(), EXACT);

        assertEquals(SIMULATION.cascade(new FixedPolicy(0), FOUR), SIMULATION.cascade(new FixedPolicy(0), FOUR, 1));
        assertThrows(IllegalArgumentException.class, () -> SIMULATION.cascade(new FixedPolicy(0), FOUR, 0));
    }

    @Test
    void theOracleTakesTheCheapestPassingModelAndSendsUnsolvedTasksToTheCheapest() {
        RoutingOutcome oracle = SIMULATION.oracle(FOUR);
        assertEquals(0.75, oracle.passRate(), EXACT);
        assertEquals((1 + 10 + 100 + 1) / 4.0, oracle.meanCost(), EXACT);
        assertShares(oracle, 0.5, 0.25, 0.25);
    }

    @Test
    void withFractionalRatesTheOracleTakesTheCheapestWithTheHighestRate() {
        RoutingOutcome oracle = SIMULATION.oracle(List.of(task(predicted(0, 0, 0), 0.6, 0.8, 0.8)));
        assertEquals(0.8, oracle.passRate(), EXACT);
        assertShares(oracle, 0, 1, 0);
    }

    @Test
    void theCostCutIsMeasuredAgainstAnotherOutcome() {
        RoutingOutcome allLarge = SIMULATION.run(new FixedPolicy(2), FOUR);
        assertEquals(1 - 28 / 100.0, SIMULATION.oracle(FOUR).costCutVersus(allLarge), EXACT);
        assertEquals(-99, allLarge.costCutVersus(SIMULATION.run(new FixedPolicy(0), FOUR)), EXACT);
    }

    @Test
    void comparingWithAFreeOutcomeIsRefused() {
        RoutingSimulation free = new RoutingSimulation(List.of(new PricedModel("free", 0)));
        RoutingOutcome nothing = free.run(new FixedPolicy(0), List.of(task(predicted(1), 1)));
        assertThrows(IllegalArgumentException.class, () -> SIMULATION.oracle(FOUR).costCutVersus(nothing));
    }

    @Test
    void aPolicyChoosingBeyondTheLadderIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SIMULATION.run(new FixedPolicy(3), FOUR));
        assertEquals("policy 'always model 3' chose model 3, but the ladder has 3 models", refused.getMessage());
    }

    @Test
    void tasksMustMatchTheLadder() {
        assertThrows(IllegalArgumentException.class, () -> SIMULATION.run(new FixedPolicy(0), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> SIMULATION.oracle(List.of(task(Prediction.ofComplexity(1), 1, 1))));
    }

    @Test
    void anOutcomeReadsAsOneLine() {
        assertEquals("oracle: cheapest model with the highest actual pass rate: pass 75.0%, cost 28.00 units/request, "
                + "calls small 50.0% / middle 25.0% / large 25.0% (n=4)", SIMULATION.oracle(FOUR).toString());
    }
}
