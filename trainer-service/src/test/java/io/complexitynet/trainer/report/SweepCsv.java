package io.complexitynet.trainer.report;

import io.complexitynet.core.routing.OperatingPoint;
import io.complexitynet.model.training.RoutingReport;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The threshold sweep on the test split as CSV, one row per mode and threshold: {@code mode} (plain or
 * cascade), {@code threshold}, {@code pass_rate}, {@code mean_cost}, then the share of requests that
 * called each ladder model ({@code share_<model>}).
 */
public final class SweepCsv {

    private SweepCsv() {
    }

    public static String render(RoutingReport routing) {
        StringBuilder csv = new StringBuilder("mode,threshold,pass_rate,mean_cost");
        MarkdownReport.modelNames(routing).forEach(model -> csv.append(",share_").append(model));
        csv.append('\n');
        rows(csv, "plain", routing.plainSweep());
        rows(csv, "cascade", routing.cascadeSweep());
        return csv.toString();
    }

    private static void rows(StringBuilder csv, String mode, List<OperatingPoint> sweep) {
        for (OperatingPoint point : sweep) {
            csv.append(String.format(Locale.ROOT, "%s,%.2f,%.4f,%.4f", mode, point.threshold(),
                    point.outcome().passRate(), point.outcome().meanCost()));
            csv.append(point.outcome().shares().stream()
                    .map(share -> String.format(Locale.ROOT, ",%.4f", share.share()))
                    .collect(Collectors.joining()));
            csv.append('\n');
        }
    }
}
