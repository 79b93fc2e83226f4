package io.complexitynet.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PerformanceGapCurveTest {

    private static final double EXACT = 1e-12;

    /**
     * Four tasks: the strong model recovers tasks 1 and 2 but fails task 3, which the weak one passes;
     * the router ranks them 1, 2, 3, 0. Performance at 0..4 strong calls: 0.5, 0.75, 1, 0.75, 0.75,
     * so PGR is 0, 1, 2, 1, 1.
     */
    private final PerformanceGapCurve handMade = PerformanceGapCurve.of(
            new double[] {0.1, 0.9, 0.8, 0.2},
            new double[] {1, 0, 0, 1},
            new double[] {1, 1, 1, 0});

    @Test
    void apgrIsTheAreaUnderPgrOverTaskBoundaries() {
        assertEquals(0.25 * (0.5 + 1.5 + 1.5 + 1), handMade.apgr(), EXACT);
        assertEquals(0.5, handMade.weakPerformance(), EXACT);
        assertEquals(0.75, handMade.strongPerformance(), EXACT);
    }

    @Test
    void pgrIsLinearBetweenTaskBoundaries() {
        assertEquals(0, handMade.pgrAt(0), EXACT);
        assertEquals(0.5, handMade.pgrAt(0.125), EXACT);
        assertEquals(2, handMade.pgrAt(0.5), EXACT);
        assertEquals(1, handMade.pgrAt(1), EXACT);
    }

    @Test
    void cptIsTheFewestStrongCallsReachingTheRecoveredShare() {
        assertEquals(0, handMade.callPerformanceThreshold(0), EXACT);
        assertEquals(0.125, handMade.callPerformanceThreshold(0.5), EXACT);
        assertEquals(0.25, handMade.callPerformanceThreshold(1), EXACT);
    }

    @Test
    void tiedScoresCountAsARandomOrderAmongThem() {
        PerformanceGapCurve constant = PerformanceGapCurve.of(new double[] {0.3, 0.3, 0.3, 0.3},
                new double[] {1, 0, 0, 1}, new double[] {1, 1, 1, 0});
        assertEquals(0.5, constant.apgr(), EXACT);
        assertEquals(0.5, constant.callPerformanceThreshold(0.5), EXACT);
        assertEquals(0.25, constant.pgrAt(0.25), EXACT);
    }

    @Test
    void aRandomRouterRecoversHalfTheGapOnAverage() {
        double total = 0;
        int seeds = 50;
        for (int seed = 0; seed < seeds; seed++) {
            Random random = new Random(seed);
            int tasks = 200;
            double[] scores = new double[tasks];
            double[] weak = new double[tasks];
            double[] strong = new double[tasks];
            for (int task = 0; task < tasks; task++) {
                scores[task] = random.nextDouble();
                weak[task] = random.nextDouble() < 0.5 ? 1 : 0;
                strong[task] = random.nextDouble() < 0.8 ? 1 : 0;
            }
            total += PerformanceGapCurve.of(scores, weak, strong).apgr();
        }
        assertEquals(0.5, total / seeds, 0.03);
    }

    @Test
    void aRouterThatKnowsTheOutcomesRecoversTheGapAsSoonAsPossible() {
        Random random = new Random(7);
        int tasks = 500;
        double[] scores = new double[tasks];
        double[] weak = new double[tasks];
        double[] strong = new double[tasks];
        int recoverable = 0;
        for (int task = 0; task < tasks; task++) {
            weak[task] = random.nextDouble() < 0.5 ? 1 : 0;
            strong[task] = weak[task] == 1 || random.nextDouble() < 0.6 ? 1 : 0;
            scores[task] = strong[task] - weak[task];
            recoverable += (int) scores[task];
        }
        PerformanceGapCurve perfect = PerformanceGapCurve.of(scores, weak, strong);
        double share = (double) recoverable / tasks;
        // PGR climbs straight to 1 once the recoverable share is routed, then stays there.
        assertEquals(1 - share / 2, perfect.apgr(), 1e-9);
        assertEquals(share, perfect.callPerformanceThreshold(1), 1e-9);
        assertTrue(perfect.apgr() > 0.8, "APGR " + perfect.apgr());
    }

    @Test
    void withoutAGapThereIsNothingToRecover() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PerformanceGapCurve.of(new double[] {1, 0}, new double[] {1, 0}, new double[] {0, 1}));
        assertTrue(refused.getMessage().contains("must outperform"), refused.getMessage());
    }

    @Test
    void inputsMustLineUpAndFractionsStayInZeroToOne() {
        assertThrows(IllegalArgumentException.class,
                () -> PerformanceGapCurve.of(new double[] {1}, new double[] {0, 0}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> PerformanceGapCurve.of(new double[] {Double.NaN}, new double[] {0}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> handMade.callPerformanceThreshold(1.2));
        assertThrows(IllegalArgumentException.class, () -> handMade.pgrAt(-0.1));
    }
}
