package io.complexitynet.trainer.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.model.domain.DataSplit;
import io.complexitynet.model.domain.SyntheticTasks;
import io.complexitynet.model.domain.TrainingParameters;
import io.complexitynet.model.embedding.CharacterTrigramEncoder;
import io.complexitynet.model.training.Trainer;
import io.complexitynet.model.training.TrainingReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    private static TrainingReport report;

    @BeforeAll
    static void train() {
        report = new Trainer(new CharacterTrigramEncoder()).train(SyntheticTasks.everyStep(2), SyntheticTasks.LADDER,
                DataSplit.mbpp(), TrainingParameters.defaults()).report();
    }

    @Test
    void markdownHasEverySectionAndTheBaselines() {
        String markdown = MarkdownReport.render(report);
        for (String section : List.of("## Complexity classification (test split)", "## Pass heads (test split)",
                "## Routing (test split, real outcomes)", "## Timings", "| majority class |", "| TF-IDF logistic |",
                "| oracle (cheapest that passes) |", "| paper allocation by predicted complexity |", "APGR", "AIQ")) {
            assertTrue(markdown.contains(section), section + " missing from\n" + markdown);
        }
        assertTrue(markdown.contains(report.dataFingerprint()));
    }

    @Test
    void csvHasARowPerThresholdAndModeWithEveryModelsShare() {
        List<String> lines = SweepCsv.render(report.routing()).lines().toList();
        assertEquals("mode,threshold,pass_rate,mean_cost,share_small,share_middle,share_large", lines.get(0));
        assertEquals(1 + 2 * 101, lines.size());
        assertTrue(lines.get(1).startsWith("plain,0.00,"), lines.get(1));
        assertTrue(lines.get(102).startsWith("cascade,0.00,"), lines.get(102));
    }

    @Test
    void writesMarkdownCsvAndAPngChart(@TempDir Path directory) throws Exception {
        ReportFiles.Written written = ReportFiles.write(report, directory, "synthetic");
        byte[] png = Files.readAllBytes(written.chart());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        assertTrue(Files.readString(written.markdown()).contains("![Cost against pass rate](synthetic-cost-vs-pass.png)"));
        assertEquals(SweepCsv.render(report.routing()), Files.readString(written.csv()));
    }
}
