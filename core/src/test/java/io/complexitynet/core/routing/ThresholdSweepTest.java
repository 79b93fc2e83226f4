package io.complexitynet.core.routing;

import static io.complexitynet.core.routing.Tasks.FOUR;
import static io.complexitynet.core.routing.Tasks.SIMULATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ThresholdSweepTest {

    private final ThresholdSweep sweep = new ThresholdSweep(SIMULATION, FOUR);

    @Test
    void evenlySpacedThresholdsRunFromZeroToOne() {
        List<Double> thresholds = ThresholdSweep.evenlySpaced(20);
        assertEquals(21, thresholds.size());
        assertEquals(0.0, thresholds.get(0));
        assertEquals(0.05, thresholds.get(1));
        assertEquals(1.0, thresholds.get(20));
        assertThrows(IllegalArgumentException.class, () -> ThresholdSweep.evenlySpaced(0));
    }

    @Test
    void distinctPredictionsAreSortedOnceEachWithZero() {
        List<Double> thresholds = ThresholdSweep.distinctPredictions(FOUR);
        assertEquals(List.of(0.0, 0.1, 0.2, 0.3, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99), thresholds);
    }

    @Test
    void theEndsOfTheKnobAreTheCheapestModelAndTheMostLikelyOne() {
        List<OperatingPoint> points = sweep.plain(List.of(0.0, 1.0));
        assertEquals(SIMULATION.run(new FixedPolicy(0), FOUR).passRate(), points.get(0).outcome().passRate());
        assertEquals(SIMULATION.run(new FixedPolicy(0), FOUR).meanCost(), points.get(0).outcome().meanCost());
        // In every task of FOUR the large model is the most likely to pass.
        assertEquals(SIMULATION.run(new FixedPolicy(2), FOUR).meanCost(), points.get(1).outcome().meanCost());
        assertEquals(1.0, points.get(1).threshold());
    }

    @Test
    void distinctPredictionsReachEveryOperatingPointOfAFineGrid() {
        Set<List<Double>> reached = sweep.plain(ThresholdSweep.distinctPredictions(FOUR)).stream()
                .map(point -> List.of(point.outcome().passRate(), point.outcome().meanCost()))
                .collect(Collectors.toSet());
        for (OperatingPoint point : sweep.plain(ThresholdSweep.evenlySpaced(1000))) {
            assertTrue(reached.contains(List.of(point.outcome().passRate(), point.outcome().meanCost())), point.toString());
        }
    }

    @Test
    void theCascadeSweepEscalates() {
        OperatingPoint cheapestFirst = sweep.cascade(List.of(0.0)).get(0);
        assertEquals(SIMULATION.cascade(new FixedPolicy(0), FOUR).meanCost(), cheapestFirst.outcome().meanCost());
        assertTrue(cheapestFirst.toString().startsWith("threshold 0.000 -> cascade from threshold 0.000"),
                cheapestFirst.toString());
    }
}
