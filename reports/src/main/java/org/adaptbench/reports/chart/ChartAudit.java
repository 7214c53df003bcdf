package org.adaptbench.reports.chart;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.statistics.BoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Checks a planned chart against what makes a chart unable to inform: a drawn distribution with
 * fewer than two distinct values (a flat box), or a line panel with more than
 * {@link SeriesLineChart#MAX_LINES_PER_PANEL} lines (bands tangle). Tests run it over every chart a
 * report plans, from the fixture to a smoke run.
 */
public final class ChartAudit {

    private ChartAudit() {
    }

    /** What is wrong with {@code spec}'s chart, one line per problem; empty when nothing is. */
    public static List<String> problems(ChartSpec spec) {
        List<String> problems = new ArrayList<>();
        List<Plot> panels = panels(spec.chart().getPlot());
        for (int p = 0; p < panels.size(); p++) {
            Plot panel = panels.get(p);
            String where = spec.slug() + (panels.size() > 1 ? " panel " + (p + 1) : "");
            if (panel instanceof XYPlot xy && xy.getDataset() instanceof YIntervalSeriesCollection lines
                    && lines.getSeriesCount() > SeriesLineChart.MAX_LINES_PER_PANEL) {
                problems.add(where + ": " + lines.getSeriesCount() + " lines in one panel (at most " + SeriesLineChart.MAX_LINES_PER_PANEL + ")");
            }
            if (panel instanceof CategoryPlot category && category.getDataset() instanceof BoxAndWhiskerCategoryDataset boxes) {
                for (int row = 0; row < boxes.getRowCount(); row++) {
                    for (int column = 0; column < boxes.getColumnCount(); column++) {
                        if (boxes.getMedianValue(row, column) != null && !hasSpread(boxes, row, column)) {
                            problems.add(where + ": the distribution of " + boxes.getColumnKey(column) + " (" + boxes.getRowKey(row)
                                    + ") has a single value");
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** Lines drawn in each panel of a line chart (empty for other kinds), for tests that look closer. */
    public static List<Integer> linesPerPanel(ChartSpec spec) {
        List<Integer> counts = new ArrayList<>();
        for (Plot panel : panels(spec.chart().getPlot())) {
            if (panel instanceof XYPlot xy && xy.getDataset() instanceof YIntervalSeriesCollection lines) {
                counts.add(lines.getSeriesCount());
            }
        }
        return counts;
    }

    private static boolean hasSpread(BoxAndWhiskerCategoryDataset boxes, int row, int column) {
        double min = Math.min(number(boxes.getMinRegularValue(row, column), Double.POSITIVE_INFINITY),
                number(boxes.getMinOutlier(row, column), Double.POSITIVE_INFINITY));
        double max = Math.max(number(boxes.getMaxRegularValue(row, column), Double.NEGATIVE_INFINITY),
                number(boxes.getMaxOutlier(row, column), Double.NEGATIVE_INFINITY));
        return max > min;
    }

    private static double number(Number value, double absent) {
        return value == null ? absent : value.doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Plot> panels(Plot plot) {
        if (plot instanceof CombinedDomainXYPlot combined) {
            return new ArrayList<>((List<Plot>) (List<?>) combined.getSubplots());
        }
        if (plot instanceof CombinedRangeXYPlot combined) {
            return new ArrayList<>((List<Plot>) (List<?>) combined.getSubplots());
        }
        if (plot instanceof CombinedDomainCategoryPlot combined) {
            return new ArrayList<>((List<Plot>) (List<?>) combined.getSubplots());
        }
        return List.of(plot);
    }
}
