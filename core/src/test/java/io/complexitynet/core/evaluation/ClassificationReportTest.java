package io.complexitynet.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {

    private static final double EXACT = 1e-12;

    /** Rows actual 1, 3, 5; columns predicted 1, 3, 5: [3 0 0], [1 1 0], [0 1 2]. */
    private final ClassificationReport report = ClassificationReport.of(List.of(1, 3, 5),
            new int[] {1, 1, 1, 3, 3, 5, 5, 5},
            new int[] {1, 1, 1, 1, 3, 5, 5, 3});

    @Test
    void theConfusionMatrixHasActualRowsAndPredictedColumns() {
        assertArrayEquals(new int[][] {{3, 0, 0}, {1, 1, 0}, {0, 1, 2}}, report.confusionMatrix());
        assertEquals(1, report.count(3, 1));
        assertEquals(0, report.count(1, 3));
    }

    @Test
    void accuracyIsTheShareOnTheDiagonal() {
        assertEquals(6 / 8.0, report.accuracy(), EXACT);
        assertEquals(8, report.samples());
    }

    @Test
    void perClassMetricsMatchHandCounts() {
        List<ClassMetrics> metrics = report.perClass();
        assertMetrics(metrics.get(0), 1, 3, 3 / 4.0, 1, 6 / 7.0);
        assertMetrics(metrics.get(1), 3, 2, 1 / 2.0, 1 / 2.0, 1 / 2.0);
        assertMetrics(metrics.get(2), 5, 3, 1, 2 / 3.0, 4 / 5.0);
    }

    private static void assertMetrics(ClassMetrics metrics, int label, int support, double precision, double recall,
            double f1) {
        assertEquals(label, metrics.label());
        assertEquals(support, metrics.support());
        assertEquals(precision, metrics.precision(), EXACT, "precision of " + label);
        assertEquals(recall, metrics.recall(), EXACT, "recall of " + label);
        assertEquals(f1, metrics.f1(), EXACT, "F1 of " + label);
    }

    @Test
    void macroF1IsThePlainMeanOverClasses() {
        assertEquals((6 / 7.0 + 1 / 2.0 + 4 / 5.0) / 3, report.macroF1(), EXACT);
    }

    @Test
    void aClassNeverPredictedCountsWithF1Zero() {
        ClassificationReport missing = ClassificationReport.of(List.of(0, 1, 2), new int[] {0, 1, 2}, new int[] {0, 1, 1});
        assertEquals(0, missing.perClass().get(2).precision());
        assertEquals(0, missing.perClass().get(2).f1());
        assertEquals((1 + 2 / 3.0 + 0) / 3, missing.macroF1(), EXACT);
    }

    @Test
    void aListedClassWithoutSamplesStillCounts() {
        ClassificationReport absent = ClassificationReport.of(List.of(0, 1, 2), new int[] {0, 1}, new int[] {0, 1});
        assertEquals(1, absent.accuracy(), EXACT);
        assertEquals(2 / 3.0, absent.macroF1(), EXACT);
    }

    @Test
    void aClassOutsideTheListIsRefusedNamingTheSample() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ClassificationReport.of(List.of(1, 3), new int[] {1, 3}, new int[] {1, 4}));
        assertEquals("predicted class 4 of sample 1 is not one of [1, 3]", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> report.count(2, 1));
    }

    @Test
    void inputsMustLineUp() {
        assertThrows(IllegalArgumentException.class, () -> ClassificationReport.of(List.of(1), new int[] {1}, new int[0]));
        assertThrows(IllegalArgumentException.class, () -> ClassificationReport.of(List.of(1), new int[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> ClassificationReport.of(List.of(), new int[] {1}, new int[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationReport.of(List.of(1, 1), new int[] {1}, new int[] {1}));
    }

    @Test
    void theConfusionMatrixCopyCannotChangeTheReport() {
        report.confusionMatrix()[0][0] = 100;
        assertEquals(3, report.count(1, 1));
    }

    @Test
    void theMarkdownHasTheSummaryAndBothTables() {
        String markdown = report.toMarkdown();
        assertTrue(markdown.startsWith("accuracy 0.750 (95% interval 0.409-0.929), macro-F1 0.719 (n=8)\n"), markdown);
        assertTrue(markdown.contains("| class | precision | recall | F1 | support |\n"), markdown);
        assertTrue(markdown.contains("| 1 | 0.750 | 1.000 | 0.857 | 3 |\n"), markdown);
        assertTrue(markdown.contains("| actual \\ predicted | 1 | 3 | 5 |\n| --- | --- | --- | --- |\n"), markdown);
        assertTrue(markdown.contains("| 3 | 1 | 1 | 0 |\n"), markdown);
    }
}
