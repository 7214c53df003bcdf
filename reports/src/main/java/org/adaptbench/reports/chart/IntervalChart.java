package org.adaptbench.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.adaptbench.reports.results.MetricValue;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A forest plot: one row per approach, a dot at the estimate and its 95% interval as a whisker, in
 * the approach's colour; one panel per metric or data set side by side, sharing the rows; controls
 * (chance, majority ceiling, option-only, oracle) as labelled reference lines. A panel whose values
 * span {@link #LOG_SPAN} times or more gets a log axis, so milliseconds and hours share one chart.
 */
final class IntervalChart {

    /** A panel turns logarithmic when its positive values span this many times. */
    static final double LOG_SPAN = 100;

    /** A labelled reference line: a control's value. */
    record Reference(String label, double value) {

        Reference {
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * One panel.
     *
     * @param axisLabel what the panel measures, with its unit and data set
     * @param values row (approach) → figure; rows without a figure stay empty
     * @param references control lines drawn across the panel
     */
    record Panel(String axisLabel, Map<String, MetricValue> values, List<Reference> references) {

        Panel {
            Objects.requireNonNull(axisLabel, "axisLabel");
            values = Map.copyOf(values);
            references = List.copyOf(references);
        }
    }

    private static final String ROW = "estimate";
    private static final Font REFERENCE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private IntervalChart() {
    }

    /**
     * @param rows the approaches in reading order (every panel shows the same rows)
     * @param panels one or more panels, left to right
     */
    static JFreeChart build(String title, String subtitle, List<String> rows, List<Panel> panels) {
        CategoryAxis categories = new CategoryAxis();
        ChartStyle.axis(categories);
        categories.setCategoryMargin(0.25);
        categories.setLowerMargin(0.04);
        categories.setUpperMargin(0.04);
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(categories);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        // room for the last tick label of one panel and the first of the next
        plot.setGap(26);
        List<Color> colors = rows.stream().map(ChartStyle::color).toList();
        for (Panel panel : panels) {
            plot.add(panel(rows, colors, panel));
        }
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, false);
        ChartStyle.apply(chart, subtitle);
        return chart;
    }

    private static CategoryPlot panel(List<String> rows, List<Color> colors, Panel panel) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (String row : rows) {
            MetricValue value = panel.values().get(row);
            // every row in every panel, so the shared axis keeps the reading order
            data.addValue(value == null ? null : value.value(), ROW, row);
            if (value != null) {
                min = Math.min(min, value.ciLow());
                max = Math.max(max, value.ciHigh());
            }
        }
        for (Reference reference : panel.references()) {
            min = Math.min(min, reference.value());
            max = Math.max(max, reference.value());
        }
        boolean log = min > 0 && max / min >= LOG_SPAN;
        ValueAxis axis = log ? ChartStyle.logAxis(panel.axisLabel() + " (log)") : ChartStyle.numberAxis(panel.axisLabel());
        if (Double.isFinite(min)) {
            if (log) {
                axis.setRange(min / 1.6, max * 1.6);
            } else {
                double pad = max > min ? 0.06 * (max - min) : Math.max(Math.abs(max) * 0.1, 1e-3);
                // figures that cannot be negative keep a floor at zero
                axis.setRange(min >= 0 ? Math.max(0, min - pad) : min - pad, max + pad);
            }
        }
        IntervalDotRenderer renderer = new IntervalDotRenderer(panel.values(), colors);
        CategoryPlot plot = new CategoryPlot(data, null, axis, renderer);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setDomainGridlinesVisible(true);
        plot.setDomainGridlinePaint(new Color(0xF0F0F0));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(ChartStyle.GRID);
        int index = 0;
        double middle = log ? Math.sqrt(min * max) : (min + max) / 2;
        for (Reference reference : panel.references()) {
            plot.addRangeMarker(marker(reference, index++, reference.value() > middle), Layer.BACKGROUND);
        }
        return plot;
    }

    /** {@code leftOfLine}: a line in the right half of the panel carries its label on its left, so the label stays inside. */
    private static ValueMarker marker(Reference reference, int index, boolean leftOfLine) {
        ValueMarker marker = new ValueMarker(reference.value(), ChartStyle.REFERENCE,
                new BasicStroke(1.1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f));
        marker.setLabel(reference.label());
        marker.setLabelFont(REFERENCE_FONT);
        marker.setLabelPaint(ChartStyle.REFERENCE);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        // inside the plot, alternating top and bottom, so two close references keep readable labels
        boolean top = index % 2 == 0;
        if (leftOfLine) {
            marker.setLabelAnchor(top ? RectangleAnchor.TOP_LEFT : RectangleAnchor.BOTTOM_LEFT);
            marker.setLabelTextAnchor(top ? TextAnchor.TOP_RIGHT : TextAnchor.BOTTOM_RIGHT);
        } else {
            marker.setLabelAnchor(top ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.BOTTOM_RIGHT);
            marker.setLabelTextAnchor(top ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_LEFT);
        }
        marker.setLabelOffset(new RectangleInsets(2, 2, 2, 2));
        return marker;
    }
}
