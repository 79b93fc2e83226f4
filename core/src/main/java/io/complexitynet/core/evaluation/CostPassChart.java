package io.complexitynet.core.evaluation;

import io.complexitynet.core.routing.CostQuality;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
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
 * Mean cost per request against pass rate as a PNG (JFreeChart): policies swept over a knob as lines,
 * single policies as points. Cost on a log axis, since a ladder's prices span orders of magnitude. Callers
 * need {@code org.jfree:jfreechart} on their class path (an optional dependency of this module).
 */
public final class CostPassChart {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 650;
    private static final List<Color> LINE_COLOURS = List.of(new Color(0x1f77b4), new Color(0xff7f0e));

    /** One named series: a curve drawn as a line, or a single policy drawn as a marker. */
    public record Series(String name, List<CostQuality> points, boolean line) {

        public Series {
            points = List.copyOf(points);
        }

        public static Series curve(String name, List<CostQuality> points) {
            return new Series(name, points, true);
        }

        public static Series point(String name, CostQuality point) {
            return new Series(name, List.of(point), false);
        }
    }

    private CostPassChart() {
    }

    public static void write(String title, List<Series> series, Path png) throws IOException {
        // Rendering needs no display; a server has none.
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        int lines = 0;
        for (int index = 0; index < series.size(); index++) {
            Series one = series.get(index);
            XYSeries xy = new XYSeries(one.name(), false, true);
            one.points().forEach(point -> xy.add(point.cost(), point.quality()));
            data.addSeries(xy);
            renderer.setSeriesLinesVisible(index, one.line());
            renderer.setSeriesShapesVisible(index, !one.line());
            renderer.setSeriesShape(index, shape(index));
            renderer.setSeriesStroke(index, new BasicStroke(one.line() ? 2f : 1f));
            if (one.line() && lines < LINE_COLOURS.size()) {
                renderer.setSeriesPaint(index, LINE_COLOURS.get(lines++));
            }
        }
        LogAxis costAxis = new LogAxis("mean cost units per request (log scale)");
        costAxis.setSmallestValue(0.5);
        costAxis.setTickUnit(new NumberTickUnit(0.25));
        costAxis.setNumberFormatOverride(new DecimalFormat("0.#"));
        NumberAxis passAxis = new NumberAxis("pass rate");
        passAxis.setAutoRangeIncludesZero(false);
        passAxis.setNumberFormatOverride(new DecimalFormat("0%"));
        XYPlot plot = new XYPlot(data, costAxis, passAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }

    private static Shape shape(int series) {
        double size = 10;
        return series % 2 == 0 ? new Ellipse2D.Double(-size / 2, -size / 2, size, size)
                : new Rectangle2D.Double(-size / 2, -size / 2, size, size);
    }
}
