package org.adaptbench.reports.chart;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.adaptbench.reports.results.Series;
import org.adaptbench.reports.results.SeriesPoint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Lines with their 95% interval as a shaded band, one line per name, as small multiples: panels side
 * by side sharing the y axis, each with its own lines (at most {@link #MAX_LINES_PER_PANEL}, so bands
 * stay readable) and optional vertical markers (break-even points).
 */
final class SeriesLineChart {

    /** More lines than this in one panel and the bands become a tangle. */
    static final int MAX_LINES_PER_PANEL = 6;
    /** An axis turns logarithmic when its positive values span this many times (requests per month, dollars). */
    private static final double LOG_AXIS_SPAN = 100;
    private static final Font MARKER_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    /** A vertical marker: a labelled x value drawn in a line's colour. */
    record Marker(String line, String label, double x) {

        Marker {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * One panel.
     *
     * @param label what the panel holds ("" for a chart of one panel)
     * @param series the data
     * @param lines the lines of {@code series} this panel draws, in drawing order
     * @param markers vertical markers
     */
    record Panel(String label, Series series, List<String> lines, List<Marker> markers) {

        Panel {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(series, "series");
            lines = List.copyOf(lines);
            markers = List.copyOf(markers);
            if (lines.size() > MAX_LINES_PER_PANEL) {
                throw new IllegalArgumentException("at most " + MAX_LINES_PER_PANEL + " lines per panel, got " + lines.size());
            }
        }
    }

    private SeriesLineChart() {
    }

    /** Points are drawn on lines with at most this many; denser lines are smooth enough without. */
    private static final int MAX_POINTS_WITH_SHAPES = 12;

    static JFreeChart build(String title, String subtitle, List<Panel> panels) {
        return build(title, subtitle, panels.get(0).series().yLabel(), panels);
    }

    /**
     * @param yLabel the shared y axis label (panels of different series, such as one cost curve per
     *     model size, name their own differences in their panel labels)
     */
    static JFreeChart build(String title, String subtitle, String yLabel, List<Panel> panels) {
        Series first = panels.get(0).series();
        List<String> all = new ArrayList<>();
        panels.forEach(p -> p.lines().stream().filter(l -> !all.contains(l)).forEach(all::add));
        Map<String, ChartStyle.Look> looks = ChartStyle.looks(ChartStyle.sortedApproaches(all));
        boolean logY = logScale(panels, false);
        // one panel: the direction on the axis; several: under the title, where a long axis label cannot be cut
        String direction = first.higherIsBetter() ? "higher is better" : "lower is better";
        String axisLabel = yLabel + (logY ? " (log)" : "") + (panels.size() == 1 ? " (" + direction + ")" : "");
        ValueAxis yAxis = logY ? ChartStyle.logAxis(axisLabel) : ChartStyle.numberAxis(axisLabel);
        if (yAxis instanceof NumberAxis number) {
            number.setAutoRangeIncludesZero(false);
        }
        boolean logX = logScale(panels, true);
        List<XYPlot> plots = new ArrayList<>();
        for (Panel panel : panels) {
            // several panels: each is labelled by what sets it apart, the shared x meaning goes under the title
            String xLabel = panels.size() > 1 ? panel.label() : panel.series().xLabel() + (logX ? " (log scale)" : "");
            ValueAxis xAxis = logX ? ChartStyle.logAxis(xLabel) : ChartStyle.numberAxis(xLabel);
            plots.add(plot(panel, looks, xAxis, panels.size() == 1 ? yAxis : null));
        }
        if (panels.size() > 1) {
            String x = direction + " · x: " + first.xLabel() + (logX ? " (log scale)" : "");
            subtitle = subtitle.isEmpty() ? x : subtitle + " · " + x;
        }
        JFreeChart chart;
        if (plots.size() == 1) {
            chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plots.get(0), true);
        } else {
            CombinedRangeXYPlot combined = new CombinedRangeXYPlot(yAxis);
            combined.setGap(12);
            plots.forEach(combined::add);
            combined.setFixedLegendItems(legend(looks, all));
            chart = new JFreeChart(title, ChartStyle.TITLE_FONT, combined, true);
        }
        ChartStyle.apply(chart, subtitle);
        return chart;
    }

    private static XYPlot plot(Panel panel, Map<String, ChartStyle.Look> looks, ValueAxis xAxis, ValueAxis yAxis) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.14f);
        int index = 0;
        for (String name : panel.lines()) {
            YIntervalSeries line = new YIntervalSeries(name, false, true);
            panel.series().lines().getOrDefault(name, List.of()).stream()
                    .sorted(Comparator.comparingDouble(SeriesPoint::x))
                    .forEach(p -> line.add(p.x(), p.y(), Math.min(p.ciLow(), p.y()), Math.max(p.ciHigh(), p.y())));
            data.addSeries(line);
            ChartStyle.Look look = looks.get(name);
            renderer.setSeriesPaint(index, look.color());
            renderer.setSeriesFillPaint(index, look.color());
            renderer.setSeriesStroke(index, look.stroke());
            renderer.setSeriesShape(index, new Ellipse2D.Double(-3, -3, 6, 6));
            renderer.setSeriesShapesVisible(index, line.getItemCount() <= MAX_POINTS_WITH_SHAPES);
            index++;
        }
        renderer.setDefaultShapesFilled(true);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.5f));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setOutlinePaint(ChartStyle.GRID);
        List<Marker> markers = panel.markers().stream().sorted(Comparator.comparingDouble(Marker::x)).toList();
        for (int m = 0; m < markers.size(); m++) {
            Marker marker = markers.get(m);
            ValueMarker line = new ValueMarker(marker.x(), looks.getOrDefault(marker.line(),
                    new ChartStyle.Look(ChartStyle.color(marker.line()), null)).color(),
                    new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
            line.setLabel(marker.label());
            line.setLabelFont(MARKER_FONT);
            line.setLabelPaint(ChartStyle.REFERENCE);
            line.setLabelBackgroundColor(new java.awt.Color(255, 255, 255, 220));
            // the left half's labels to the right of their line, the right half's to the left, so none runs off the plot
            boolean right = m < (markers.size() + 1) / 2;
            line.setLabelAnchor(right ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
            line.setLabelTextAnchor(right ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
            line.setLabelOffset(new RectangleInsets(4 + 12 * (m % 2), 3, 4, 3));
            plot.addDomainMarker(line);
        }
        return plot;
    }

    /** One legend entry per line across all panels (a combined plot would repeat a line drawn in several). */
    private static LegendItemCollection legend(Map<String, ChartStyle.Look> looks, List<String> names) {
        LegendItemCollection items = new LegendItemCollection();
        ChartStyle.sortedApproaches(names).forEach(name -> items.add(ChartStyle.legendItem(name, looks.get(name))));
        return items;
    }

    private static boolean logScale(List<Panel> panels, boolean x) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Panel panel : panels) {
            for (String name : panel.lines()) {
                for (SeriesPoint point : panel.series().lines().getOrDefault(name, List.of())) {
                    min = Math.min(min, x ? point.x() : point.ciLow());
                    max = Math.max(max, x ? point.x() : point.ciHigh());
                }
            }
            if (x) {
                for (Marker marker : panel.markers()) {
                    min = Math.min(min, marker.x());
                    max = Math.max(max, marker.x());
                }
            }
        }
        return min > 0 && max / min >= LOG_AXIS_SPAN;
    }
}
