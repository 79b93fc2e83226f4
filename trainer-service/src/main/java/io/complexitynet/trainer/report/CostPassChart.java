package io.complexitynet.trainer.report;

import io.complexitynet.core.routing.OperatingPoint;
import io.complexitynet.core.routing.RoutingOutcome;
import io.complexitynet.model.training.RoutingReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.text.DecimalFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Cost against pass rate on the test split, drawn with JFreeChart: the threshold policy's curve plain and
 * escalating, and as single points each fixed model, the oracle, the paper's allocation by predicted
 * complexity and the headline threshold calibrated on validation. Cost on a log axis, since the ladder's
 * prices span two orders of magnitude.
 */
public final class CostPassChart {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 650;

    private CostPassChart() {
    }

    public static void write(RoutingReport routing, Path png) throws IOException {
        // Rendering needs no display; a server has none.
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(curve("threshold policy", routing.plainSweep()));
        data.addSeries(curve("threshold policy, escalating on failure", routing.cascadeSweep()));
        List<String> models = MarkdownReport.modelNames(routing);
        for (int model = 0; model < models.size(); model++) {
            data.addSeries(point("always " + models.get(model), routing.alwaysModel().get(model)));
        }
        data.addSeries(point("oracle", routing.oracle()));
        data.addSeries(point("paper allocation (predicted complexity)", routing.byComplexity()));
        data.addSeries(point(String.format(Locale.ROOT, "calibrated threshold %.2f",
                routing.headline().validation().threshold()), routing.headline().test()));

        LogAxis costAxis = new LogAxis("mean cost units per request (log scale)");
        costAxis.setSmallestValue(0.5);
        costAxis.setTickUnit(new NumberTickUnit(0.25));
        costAxis.setNumberFormatOverride(new DecimalFormat("0.#"));
        NumberAxis passAxis = new NumberAxis("pass rate");
        passAxis.setAutoRangeIncludesZero(false);
        passAxis.setNumberFormatOverride(new DecimalFormat("0%"));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        for (int series = 0; series < data.getSeriesCount(); series++) {
            boolean curve = series < 2;
            renderer.setSeriesLinesVisible(series, curve);
            renderer.setSeriesShapesVisible(series, !curve);
            renderer.setSeriesShape(series, shape(series));
            renderer.setSeriesStroke(series, new BasicStroke(curve ? 2f : 1f));
        }
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesPaint(1, new Color(0xff7f0e));
        XYPlot plot = new XYPlot(data, costAxis, passAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Cost against pass rate, test split (" + routing.tasks() + " tasks)",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }

    private static XYSeries curve(String name, List<OperatingPoint> sweep) {
        XYSeries series = new XYSeries(name, false, true);
        sweep.forEach(point -> series.add(point.outcome().meanCost(), point.outcome().passRate()));
        return series;
    }

    private static XYSeries point(String name, RoutingOutcome outcome) {
        XYSeries series = new XYSeries(name, false, true);
        series.add(outcome.meanCost(), outcome.passRate());
        return series;
    }

    private static Shape shape(int series) {
        double size = 10;
        return series % 2 == 0 ? new Ellipse2D.Double(-size / 2, -size / 2, size, size)
                : new Rectangle2D.Double(-size / 2, -size / 2, size, size);
    }
}
