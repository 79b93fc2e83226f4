package io.complexitynet.reproduce.report;

import io.complexitynet.core.evaluation.CostPassChart;
import io.complexitynet.core.evaluation.CostPassChart.Series;
import io.complexitynet.core.routing.CostQuality;
import io.complexitynet.core.routing.OperatingPoint;
import io.complexitynet.core.routing.RoutingOutcome;
import io.complexitynet.reproduce.domain.KnownOutcomes;
import io.complexitynet.reproduce.domain.PaperFigures;
import io.complexitynet.reproduce.domain.Reproduction;
import io.complexitynet.reproduce.domain.ReproductionTable;
import io.complexitynet.reproduce.domain.RoutedRequest;
import io.complexitynet.reproduce.domain.RoutedRun;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes an evaluation into a directory: {@code reproduction.md} (the table titled after the data set and the ladder,
 * what it was measured on, the chart), {@code reproduction.csv} (the same table) and {@code reproduction-cost-vs-pass.png}.
 */
public final class ReproductionFiles {

    /** The files written. */
    public record Written(Path markdown, Path csv, Path chart) {
    }

    private ReproductionFiles() {
    }

    public static Written write(Reproduction run, ReproductionTable table, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path chart = directory.resolve("reproduction-cost-vs-pass.png");
        Path csv = directory.resolve("reproduction.csv");
        Path markdown = directory.resolve("reproduction.md");
        CostPassChart.write("Cost against pass rate, " + run.title() + " (" + run.known().tasks() + " tasks)", series(run), chart);
        Files.writeString(csv, table.toCsv(), StandardCharsets.UTF_8);
        Files.writeString(markdown, markdown(run, table, chart.getFileName().toString()), StandardCharsets.UTF_8);
        return new Written(markdown, csv, chart);
    }

    private static String markdown(Reproduction run, ReproductionTable table, String chartFile) {
        String paper = table.withPaper() ? """
                 The paper's routing figures come from a formula over its class distribution (N = 180); its fixed-model and \
                oracle figures are the released data's, over solved tasks only, while ours count every test task, unsolved \
                ones included.""" : "";
        return "# ComplexityNet, " + run.title() + (table.withPaper() ? ": the paper's numbers beside ours" : "") + "\n\n"
                + table.toMarkdown() + String.format(Locale.ROOT, """

                Measured through the services' gRPC APIs in %.0f s: split %s, k=%d, rule %s. Costs are per request in the \
                ladder's cost units (%s), counting every model a request called; "cut" is against sending every test task \
                to the largest model. The router's own bill (price per 1K tokens times tokens) is given beside each routed \
                run.%s

                ![Cost against pass rate](%s)
                """, run.took().toMillis() / 1000.0, run.evaluatedOn().split(), run.evaluatedOn().samplesPerModel(),
                run.evaluatedOn().ruleVersion(), costUnits(run), paper, chartFile) + refusals(run);
    }

    private static String costUnits(Reproduction run) {
        return run.ladder().stream().map(model -> model.name() + " " + BigDecimal.valueOf(model.costUnits()).stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(", "));
    }

    /** Requests the router answered with a status instead of code: they count as failed, and are listed here. */
    private static String refusals(Reproduction run) {
        StringBuilder md = new StringBuilder();
        for (RoutedRun routed : run.routed()) {
            List<RoutedRequest> refused = routed.refused();
            if (!refused.isEmpty()) {
                md.append(String.format(Locale.ROOT, "- %s: %d refused (tasks %s); e.g. %s%n", routed.policy(), refused.size(),
                        refused.stream().map(RoutedRequest::taskId).collect(Collectors.joining(", ")),
                        refused.get(0).refusal().orElseThrow()));
            }
        }
        return md.isEmpty() ? "" : "\nRequests the router refused (counted as failed):\n\n" + md;
    }

    private static List<Series> series(Reproduction run) {
        KnownOutcomes known = run.known();
        List<Series> series = new ArrayList<>();
        series.add(Series.curve("threshold policy (Classify + verified labels)", curve(known.sweep())));
        series.add(Series.curve("threshold policy, escalating", curve(known.cascadeSweep())));
        for (int model = 0; model < run.ladder().size(); model++) {
            series.add(Series.point("always " + run.ladder().get(model).name(), known.always(model).costQuality()));
        }
        series.add(Series.point("oracle", known.oracle().costQuality()));
        for (RoutedRun routed : run.routed()) {
            series.add(Series.point("routed: " + routed.policy(), routed.outcome(run.ladder()).costQuality()));
        }
        if (run.comparesWithPaper()) {
            RoutingOutcome largest = known.alwaysLargest();
            series.add(Series.point("the paper (its formula)",
                    new CostQuality((1 - PaperFigures.COST_CUT) * largest.meanCost(), PaperFigures.PASS_RATE)));
        }
        return series;
    }

    private static List<CostQuality> curve(List<OperatingPoint> sweep) {
        return sweep.stream().map(OperatingPoint::costQuality).toList();
    }
}
