package io.complexitynet.trainer.report;

import io.complexitynet.core.routing.ModelShare;
import io.complexitynet.core.routing.RoutingOutcome;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/** How numbers are written in the reports: rates as percentages, costs and scores with fixed decimals. */
final class Figures {

    private Figures() {
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String cost(double units) {
        return String.format(Locale.ROOT, "%.2f", units);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static String shares(RoutingOutcome outcome) {
        return outcome.shares().stream().map(ModelShare::share).map(Figures::percent)
                .collect(Collectors.joining(" / "));
    }
}
