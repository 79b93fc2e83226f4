package io.complexitynet.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationReportTest {

    private static final double EXACT = 1e-12;

    private final CalibrationReport twoBins = CalibrationReport.of(
            new double[] {0.1, 0.2, 0.8, 0.9}, new double[] {0, 1, 1, 1}, 2);

    @Test
    void theBrierScoreIsTheMeanSquaredError() {
        assertEquals((0.01 + 0.64 + 0.04 + 0.01) / 4, twoBins.brierScore(), EXACT);
    }

    @Test
    void eachBinComparesItsMeanPredictionWithWhatHappened() {
        List<ReliabilityBin> bins = twoBins.bins();
        assertEquals(2, bins.size());
        assertBin(bins.get(0), 0, 0.5, 2, 0.15, 0.5);
        assertBin(bins.get(1), 0.5, 1, 2, 0.85, 1);
    }

    private static void assertBin(ReliabilityBin bin, double lower, double upper, int count, double meanPredicted,
            double observed) {
        assertEquals(lower, bin.lower(), EXACT);
        assertEquals(upper, bin.upper(), EXACT);
        assertEquals(count, bin.count());
        assertEquals(meanPredicted, bin.meanPredicted(), EXACT);
        assertEquals(observed, bin.observedRate(), EXACT);
    }

    @Test
    void theCalibrationErrorWeighsEachBinsGapByItsSamples() {
        assertEquals((2 * 0.35 + 2 * 0.15) / 4, twoBins.expectedCalibrationError(), EXACT);
    }

    @Test
    void emptyBinsAreLeftOutAndOneFallsInTheLastBin() {
        CalibrationReport tenBins = CalibrationReport.of(new double[] {0.1, 0.2, 0.8, 0.9, 1.0},
                new double[] {0, 1, 1, 1, 1}, 10);
        assertEquals(List.of(0.1, 0.2, 0.8, 0.9), tenBins.bins().stream().map(ReliabilityBin::lower).toList());
        assertEquals(2, tenBins.bins().get(3).count());
    }

    @Test
    void passRateOutcomesAreAccepted() {
        CalibrationReport rates = CalibrationReport.of(new double[] {0.6, 0.6}, new double[] {0.6, 0.6}, 5);
        assertEquals(0, rates.brierScore(), EXACT);
        assertEquals(0, rates.expectedCalibrationError(), EXACT);
    }

    @Test
    void invalidInputIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CalibrationReport.of(new double[] {0.5, 1.5}, new double[] {0, 1}, 10));
        assertEquals("the prediction of sample 1 must be in [0, 1], was 1.5", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CalibrationReport.of(new double[] {0.5}, new double[0], 10));
        assertThrows(IllegalArgumentException.class, () -> CalibrationReport.of(new double[] {0.5}, new double[] {1}, 0));
    }

    @Test
    void theMarkdownHasTheSummaryAndTheReliabilityTable() {
        String markdown = twoBins.toMarkdown();
        assertTrue(markdown.startsWith("Brier score 0.175, expected calibration error 0.250 (n=4)\n"), markdown);
        assertTrue(markdown.contains("| 0.000-0.500 | 2 | 0.150 | 0.500 |\n"), markdown);
    }
}
