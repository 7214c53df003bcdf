package org.adaptbench.reports.chart;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.adaptbench.reports.results.Series;
import org.adaptbench.reports.results.SeriesPoint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Any {@link Series} as a line chart: one line per name, its 95% interval as a shaded band. */
final class SeriesLineChart {

    /** The x axis turns logarithmic when positive x values span this many times (requests per month). */
    private static final double LOG_AXIS_SPAN = 100;

    private SeriesLineChart() {
    }

    static JFreeChart build(String title, String subtitle, Series series) {
        List<String> names = ChartStyle.sortedApproaches(series.lines().keySet());
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (String name : names) {
            YIntervalSeries line = new YIntervalSeries(name, false, true);
            series.lines().get(name).stream()
                    .sorted(Comparator.comparingDouble(SeriesPoint::x))
                    .forEach(p -> line.add(p.x(), p.y(), Math.min(p.ciLow(), p.y()), Math.max(p.ciHigh(), p.y())));
            data.addSeries(line);
        }
        boolean logX = logScale(series);
        ValueAxis xAxis = logX ? ChartStyle.logAxis(series.xLabel() + " (log scale)") : ChartStyle.numberAxis(series.xLabel());
        NumberAxis yAxis = ChartStyle.numberAxis(series.yLabel() + (series.higherIsBetter() ? " (higher is better)" : " (lower is better)"));
        yAxis.setAutoRangeIncludesZero(false);

        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.14f);
        Map<String, ChartStyle.Look> looks = ChartStyle.looks(names);
        for (int i = 0; i < names.size(); i++) {
            ChartStyle.Look look = looks.get(names.get(i));
            renderer.setSeriesPaint(i, look.color());
            renderer.setSeriesFillPaint(i, look.color());
            renderer.setSeriesStroke(i, look.stroke());
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        renderer.setDefaultShapesFilled(true);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.5f));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true);
        ChartStyle.apply(chart, subtitle);
        return chart;
    }

    private static boolean logScale(Series series) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (List<SeriesPoint> line : series.lines().values()) {
            for (SeriesPoint point : line) {
                min = Math.min(min, point.x());
                max = Math.max(max, point.x());
            }
        }
        return min > 0 && max / min >= LOG_AXIS_SPAN;
    }
}
