package org.adaptbench.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * Distributions of a per-unit figure (per-user accuracy) as box plots, one box per approach in the
 * approach's colour, with the minority group's users as a second, lighter box beside it.
 */
final class DistributionBoxChart {

    static final String ALL = "all users";
    static final String MINORITY = "minority users";

    private DistributionBoxChart() {
    }

    /**
     * @param groups approach → (group label → values); group labels {@link #ALL} and {@link #MINORITY}
     */
    static JFreeChart build(String title, String subtitle, String valueLabel, Map<String, Map<String, List<Double>>> groups) {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        List<String> approaches = ChartStyle.sortedApproaches(groups.keySet());
        for (String group : List.of(ALL, MINORITY)) {
            for (String approach : approaches) {
                List<Double> values = groups.get(approach).getOrDefault(group, List.of());
                if (!values.isEmpty()) {
                    data.add(values, group, approach);
                }
            }
        }
        CategoryAxis categories = new CategoryAxis("approach");
        ChartStyle.axis(categories);
        if (approaches.size() > 5) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis values = ChartStyle.numberAxis(valueLabel);
        values.setAutoRangeIncludesZero(false);
        List<Color> colors = approaches.stream().map(ChartStyle::color).toList();
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                // the column is the approach; the minority group's box is a lighter tint of the same colour
                Color color = colors.get(column % colors.size());
                return MINORITY.equals(data.getRowKey(row)) ? ChartStyle.translucent(color, 90) : ChartStyle.translucent(color, 200);
            }
        };
        renderer.setFillBox(true);
        renderer.setMeanVisible(false);
        renderer.setMedianVisible(true);
        renderer.setMaximumBarWidth(0.08);
        renderer.setItemMargin(0.1);
        renderer.setUseOutlinePaintForWhiskers(false);
        renderer.setDefaultOutlinePaint(Color.DARK_GRAY);
        renderer.setDefaultOutlineStroke(new BasicStroke(1f));
        renderer.setAutoPopulateSeriesOutlinePaint(false);
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        boolean minority = data.getRowKeys().contains(MINORITY);
        if (minority) {
            org.jfree.chart.LegendItemCollection legend = new org.jfree.chart.LegendItemCollection();
            legend.add(ChartStyle.legendItem(ALL + " (solid box)", new java.awt.Rectangle(-5, -5, 10, 10),
                    ChartStyle.translucent(ChartStyle.BASELINE_GREY, 200)));
            legend.add(ChartStyle.legendItem(MINORITY + " (light box)", new java.awt.Rectangle(-5, -5, 10, 10),
                    ChartStyle.translucent(ChartStyle.BASELINE_GREY, 90)));
            plot.setFixedLegendItems(legend);
        }
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, minority);
        ChartStyle.apply(chart, subtitle);
        return chart;
    }
}
