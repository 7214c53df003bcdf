package org.adaptbench.reports.chart;

import java.awt.Color;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adaptbench.reports.results.MetricValue;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Metrics per approach as grouped bars with their 95% intervals as whiskers: one colour per metric
 * (p50, p95, p99), one group per approach or reversal method.
 */
final class MetricBarChart {

    /** The value axis turns logarithmic when positive values span this many times (ms to hours). */
    private static final double LOG_AXIS_SPAN = 100;

    private MetricBarChart() {
    }

    /**
     * @param values metric label → approach → value, in the order the bars should appear
     */
    static JFreeChart build(String title, String subtitle, String valueLabel, Map<String, Map<String, MetricValue>> values) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, ConfidenceBarRenderer.Interval> intervals = new HashMap<>();
        List<String> approaches = ChartStyle.sortedApproaches(values.values().stream()
                .flatMap(byApproach -> byApproach.keySet().stream()).distinct().toList());
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Map<String, MetricValue>> metric : values.entrySet()) {
            for (String approach : approaches) {
                MetricValue value = metric.getValue().get(approach);
                if (value == null) {
                    continue;
                }
                data.addValue(value.value(), metric.getKey(), approach);
                intervals.put(ConfidenceBarRenderer.key(metric.getKey(), approach),
                        new ConfidenceBarRenderer.Interval(value.ciLow(), value.ciHigh()));
                min = Math.min(min, value.ciLow());
                max = Math.max(max, value.ciHigh());
            }
        }
        boolean log = min > 0 && max / min >= LOG_AXIS_SPAN;
        ValueAxis axis = log ? ChartStyle.logAxis(valueLabel + " (log scale)") : ChartStyle.numberAxis(valueLabel);
        if (log) {
            // bars need a floor on a log axis; start a little below the smallest interval
            axis.setRange(min / 2, max * 2);
        } else if (min < 0 || max > 0) {
            // room for the whiskers, which the automatic range (fitted to the bars) would clip
            double low = Math.min(0, min);
            double high = Math.max(0, max);
            double pad = 0.06 * (high - low);
            axis.setRange(low < 0 ? low - pad : 0, high > 0 ? high + pad : 0);
        }
        CategoryAxis categories = new CategoryAxis();
        ChartStyle.axis(categories);
        categories.setMaximumCategoryLabelLines(2);
        if (approaches.size() > 5) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        List<Color> columnColors = new ArrayList<>();
        if (values.size() == 1) {
            // one metric: colour each bar as its approach; a legend would only repeat the axis
            Map<String, ChartStyle.Look> looks = ChartStyle.looks(approaches);
            approaches.forEach(approach -> columnColors.add(looks.get(approach).color()));
        }
        ConfidenceBarRenderer renderer = new ConfidenceBarRenderer(intervals, columnColors);
        if (log) {
            renderer.setBase(min / 2);
        }
        for (int row = 0; row < values.size(); row++) {
            renderer.setSeriesPaint(row, ChartStyle.metricColor(row));
        }
        CategoryPlot plot = new CategoryPlot(data, categories, axis, renderer);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, values.size() > 1);
        ChartStyle.apply(chart, subtitle);
        return chart;
    }
}
