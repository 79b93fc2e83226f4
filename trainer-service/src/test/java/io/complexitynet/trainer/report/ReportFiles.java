package io.complexitynet.trainer.report;

import io.complexitynet.model.training.TrainingReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a training report into a directory as {@code <name>.md} (which shows the chart),
 * {@code <name>-sweep.csv} and {@code <name>-cost-vs-pass.png}.
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** The files written, Markdown first. */
    public record Written(Path markdown, Path csv, Path chart) {
    }

    public static Written write(TrainingReport report, Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        Path chart = directory.resolve(name + "-cost-vs-pass.png");
        Path csv = directory.resolve(name + "-sweep.csv");
        Path markdown = directory.resolve(name + ".md");
        CostPassChart.write(report.routing(), chart);
        Files.writeString(csv, SweepCsv.render(report.routing()), StandardCharsets.UTF_8);
        Files.writeString(markdown, MarkdownReport.render(report, chart.getFileName().toString()), StandardCharsets.UTF_8);
        return new Written(markdown, csv, chart);
    }
}
