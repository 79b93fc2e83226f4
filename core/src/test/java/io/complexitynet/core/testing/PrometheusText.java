package io.complexitynet.core.testing;

/** A service's {@code /q/metrics} text as the tests read it. */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The value of one series, written as the exposition writes it ({@code name{label="value"}}); a series that is not
     * exported fails the test, since a counter shown from the start must be there before anything was counted.
     */
    public static double valueOf(String text, String series) {
        String line = text.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .orElseThrow(() -> new AssertionError(series + " is not exported"));
        return Double.parseDouble(line.substring(series.length()).trim());
    }
}
