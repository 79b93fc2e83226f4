package io.complexitynet.core.routing;

import static io.complexitynet.core.routing.Tasks.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdCalibrationTest {

    private final ThresholdCalibration calibration = new ThresholdCalibration(List.of(
            new OperatingPoint(0.0, outcome(0.50, 1, 0)),
            new OperatingPoint(0.5, outcome(0.1 + 0.7, 20, 0.1)),
            new OperatingPoint(0.7, outcome(0.90, 40, 0.3)),
            new OperatingPoint(0.9, outcome(0.90, 60, 0.5)),
            new OperatingPoint(1.0, outcome(0.95, 100, 1))));

    @Test
    void theBestPassWithinTheLargestModelBudgetIsChosen() {
        CalibratedThreshold chosen = calibration.largestShareAtMost(0.35);
        assertTrue(chosen.reached());
        assertEquals(0.7, chosen.threshold());
        assertEquals(0.5, calibration.largestShareAtMost(0.1).threshold());
    }

    @Test
    void anEqualPassRateGoesToTheCheaperThreshold() {
        assertEquals(0.7, calibration.largestShareAtMost(0.5).threshold());
    }

    @Test
    void theCheapestThresholdReachingThePassTargetIsChosen() {
        CalibratedThreshold chosen = calibration.expectedPassAtLeast(0.85);
        assertTrue(chosen.reached());
        assertEquals(0.7, chosen.threshold());
        assertEquals("expected pass >= 85.0%", chosen.target());
    }

    @Test
    void aPassRateEqualToTheTargetUpToRoundingReachesIt() {
        assertEquals(0.5, calibration.expectedPassAtLeast(0.8).threshold());
    }

    @Test
    void anUnreachablePassTargetSaysSoAndGivesTheBestPass() {
        CalibratedThreshold closest = calibration.expectedPassAtLeast(0.99);
        assertFalse(closest.reached());
        assertEquals(1.0, closest.threshold());
        assertTrue(closest.toString().startsWith("could not reach expected pass >= 99.0%; closest threshold 1.000"),
                closest.toString());
    }

    @Test
    void anUnreachableShareTargetGivesTheSmallestShare() {
        ThresholdCalibration onlyLarge = new ThresholdCalibration(List.of(
                new OperatingPoint(0.2, outcome(0.9, 100, 1)), new OperatingPoint(0.4, outcome(0.8, 90, 0.9))));
        CalibratedThreshold closest = onlyLarge.largestShareAtMost(0.5);
        assertFalse(closest.reached());
        assertEquals(0.4, closest.threshold());
    }

    @Test
    void targetsAreFractionsAndTheSweepIsNotEmpty() {
        assertThrows(IllegalArgumentException.class, () -> calibration.expectedPassAtLeast(1.5));
        assertThrows(IllegalArgumentException.class, () -> calibration.largestShareAtMost(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new ThresholdCalibration(List.of()));
    }

    @Test
    void aThresholdCalibratedOnASimulatedSweepMeetsItsTarget() {
        ThresholdSweep sweep = new ThresholdSweep(Tasks.SIMULATION, Tasks.FOUR);
        CalibratedThreshold chosen = new ThresholdCalibration(sweep.plain(ThresholdSweep.distinctPredictions(Tasks.FOUR)))
                .expectedPassAtLeast(0.75);
        assertTrue(chosen.reached());
        assertEquals(0.75, chosen.point().outcome().passRate(), 1e-12);
        assertEquals(Tasks.SIMULATION.run(new ThresholdPolicy(chosen.threshold(), 3), Tasks.FOUR).meanCost(),
                chosen.point().outcome().meanCost());
    }
}
