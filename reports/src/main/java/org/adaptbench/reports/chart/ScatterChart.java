package org.adaptbench.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.adaptbench.reports.results.MetricValue;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * One point per approach with its 95% intervals on both axes (accuracy against tokens added per
 * request): panels side by side, one per data set, sharing the y axis.
 */
final class ScatterChart {

    /** One approach's position. */
    record Point(MetricValue x, MetricValue y) {

        Point {
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
        }
    }

    /** One panel: its x axis label and the points by approach. */
    record Panel(String xLabel, Map<String, Point> points) {

        Panel {
            Objects.requireNonNull(xLabel, "xLabel");
            points = Map.copyOf(points);
        }
    }

    private ScatterChart() {
    }

    static JFreeChart build(String title, String subtitle, String yLabel, List<Panel> panels) {
        List<String> names = new ArrayList<>();
        panels.forEach(p -> p.points().keySet().stream().filter(n -> !names.contains(n)).forEach(names::add));
        List<String> ordered = ChartStyle.sortedApproaches(names);
        Map<String, ChartStyle.Look> looks = ChartStyle.looks(ordered);
        NumberAxis yAxis = ChartStyle.numberAxis(yLabel);
        yAxis.setAutoRangeIncludesZero(false);
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(yAxis);
        combined.setGap(14);
        for (Panel panel : panels) {
            XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
            XYErrorRenderer renderer = new XYErrorRenderer();
            renderer.setDefaultLinesVisible(false);
            renderer.setCapLength(5);
            renderer.setErrorStroke(new BasicStroke(1.3f));
            int index = 0;
            for (String name : ordered) {
                Point point = panel.points().get(name);
                if (point == null) {
                    continue;
                }
                XYIntervalSeries series = new XYIntervalSeries(name);
                series.add(point.x().value(), point.x().ciLow(), point.x().ciHigh(), point.y().value(), point.y().ciLow(), point.y().ciHigh());
                data.addSeries(series);
                Color color = looks.get(name).color();
                renderer.setSeriesPaint(index, color);
                renderer.setSeriesShape(index, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
                renderer.setSeriesShapesFilled(index, true);
                index++;
            }
            renderer.setDrawXError(true);
            renderer.setDrawYError(true);
            NumberAxis xAxis = ChartStyle.numberAxis(panel.xLabel());
            xAxis.setAutoRangeIncludesZero(true);
            // room left of zero: adapters add no tokens and would sit on the axis
            xAxis.setAutoRangeStickyZero(false);
            xAxis.setLowerMargin(0.06);
            XYPlot plot = new XYPlot(data, xAxis, null, renderer);
            plot.setDomainGridlinePaint(ChartStyle.GRID);
            plot.setRangeGridlinePaint(ChartStyle.GRID);
            plot.setBackgroundPaint(Color.WHITE);
            plot.setOutlinePaint(ChartStyle.GRID);
            combined.add(plot);
        }
        LegendItemCollection legend = new LegendItemCollection();
        ordered.forEach(name -> legend.add(ChartStyle.legendItem(name, new Ellipse2D.Double(-4, -4, 8, 8), looks.get(name).color())));
        combined.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, combined, true);
        ChartStyle.apply(chart, subtitle);
        return chart;
    }
}
