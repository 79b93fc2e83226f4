package io.complexitynet.trainer.report;

import io.complexitynet.core.evaluation.CostPassChart.Series;
import io.complexitynet.core.routing.CostQuality;
import io.complexitynet.core.routing.OperatingPoint;
import io.complexitynet.core.routing.RoutingOutcome;
import io.complexitynet.model.training.RoutingReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cost against pass rate on the test split: the threshold policy's curve plain and escalating, and as
 * single points each fixed model, the oracle, the paper's allocation by predicted complexity and the
 * headline threshold calibrated on validation (drawn by core's chart).
 */
public final class CostPassChart {

    private CostPassChart() {
    }

    public static void write(RoutingReport routing, Path png) throws IOException {
        List<Series> series = new ArrayList<>();
        series.add(Series.curve("threshold policy", curve(routing.plainSweep())));
        series.add(Series.curve("threshold policy, escalating on failure", curve(routing.cascadeSweep())));
        List<String> models = MarkdownReport.modelNames(routing);
        for (int model = 0; model < models.size(); model++) {
            series.add(point("always " + models.get(model), routing.alwaysModel().get(model)));
        }
        series.add(point("oracle", routing.oracle()));
        series.add(point("paper allocation (predicted complexity)", routing.byComplexity()));
        series.add(point(String.format(Locale.ROOT, "calibrated threshold %.2f",
                routing.headline().validation().threshold()), routing.headline().test()));
        io.complexitynet.core.evaluation.CostPassChart.write("Cost against pass rate, test split (" + routing.tasks() + " tasks)",
                series, png);
    }

    private static List<CostQuality> curve(List<OperatingPoint> sweep) {
        return sweep.stream().map(OperatingPoint::costQuality).toList();
    }

    private static Series point(String name, RoutingOutcome outcome) {
        return Series.point(name, outcome.costQuality());
    }
}
