package io.complexitynet.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouterQualityTest {

    private static final double EXACT = 1e-12;

    private static CostQuality point(double cost, double quality) {
        return new CostQuality(cost, quality);
    }

    @Test
    void theHullBridgesDipsAndStaysFlatAfterTheBestQuality() {
        List<CostQuality> points = List.of(point(4, 0.8), point(2, 0.6), point(1, 0.5), point(3, 0.9));
        assertEquals(List.of(point(1, 0.5), point(3, 0.9), point(4, 0.9)), RouterQuality.nonDecreasingConvexHull(points));
    }

    @Test
    void aiqIsTheMeanHullQualityOverTheCostRange() {
        List<CostQuality> points = List.of(point(1, 0.5), point(2, 0.6), point(3, 0.9), point(4, 0.8));
        // Trapezoid from 1 to 3 under 0.5..0.9 is 1.4, then 0.9 flat from 3 to 4; the range is 3.
        assertEquals((1.4 + 0.9) / 3, RouterQuality.aiq(points), EXACT);
    }

    @Test
    void atEqualCostOnlyTheBestQualityCounts() {
        assertEquals(0.8, RouterQuality.aiq(List.of(point(1, 0.5), point(1, 0.7), point(3, 0.9))), EXACT);
    }

    @Test
    void spendingMoreNeverLowersTheCurve() {
        assertEquals(0.9, RouterQuality.aiq(List.of(point(1, 0.9), point(2, 0.5), point(3, 0.4))), EXACT);
    }

    @Test
    void aPointOnAHullSegmentChangesNothing() {
        List<CostQuality> withMiddle = List.of(point(0, 0), point(1, 0.5), point(2, 1));
        assertEquals(0.5, RouterQuality.aiq(withMiddle), EXACT);
        assertEquals(RouterQuality.aiq(List.of(point(0, 0), point(2, 1))), RouterQuality.aiq(withMiddle), EXACT);
    }

    @Test
    void aSingleCostGivesItsBestQuality() {
        assertEquals(0.7, RouterQuality.aiq(List.of(point(5, 0.7), point(5, 0.6))), EXACT);
        assertThrows(IllegalArgumentException.class, () -> RouterQuality.aiq(List.of()));
    }

    @Test
    void aThresholdSweepHasAnAiqBetweenItsWorstAndBestPass() {
        List<CostQuality> curve = new ThresholdSweep(Tasks.SIMULATION, Tasks.FOUR)
                .plain(ThresholdSweep.evenlySpaced(20)).stream().map(OperatingPoint::costQuality).toList();
        double aiq = RouterQuality.aiq(curve);
        assertTrue(aiq > 0.25 && aiq <= 0.75, "AIQ " + aiq);
    }

    @Test
    void theGapCurveOfPredictionsScoresByTheWeakModelsPredictedFailure() {
        // FOUR ranked by 1 - p(small): tasks 2 (0.9), 1 (0.8), 3 (0.4), 0 (0.1); gains small -> large 1, 1, 0, 0.
        PerformanceGapCurve curve = RouterQuality.performanceGap(Tasks.FOUR, 0, 2);
        assertEquals(0.25, curve.weakPerformance(), EXACT);
        assertEquals(0.75, curve.strongPerformance(), EXACT);
        assertEquals(0.5, curve.callPerformanceThreshold(1), EXACT);
        assertEquals(0.75, curve.apgr(), EXACT);
        assertThrows(IllegalArgumentException.class, () -> RouterQuality.performanceGap(Tasks.FOUR, 1, 1));
    }
}
