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
 * Distributions of a per-unit figure (per-user accuracy) as box plots, one box per approach, with
 * the minority group's users as a second, differently coloured box beside it.
 */
final class DistributionBoxChart {

    static final String ALL = "all users";
    static final String MINORITY = "minority users";
    private static final Color ALL_COLOR = new Color(0x1F77B4);
    private static final Color MINORITY_COLOR = new Color(0xFF7F0E);

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
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        renderer.setFillBox(true);
        renderer.setMeanVisible(false);
        renderer.setMedianVisible(true);
        renderer.setMaximumBarWidth(0.08);
        renderer.setItemMargin(0.1);
        renderer.setUseOutlinePaintForWhiskers(false);
        renderer.setDefaultOutlinePaint(Color.DARK_GRAY);
        renderer.setDefaultOutlineStroke(new BasicStroke(1f));
        renderer.setAutoPopulateSeriesOutlinePaint(false);
        int series = 0;
        for (Object key : data.getRowKeys()) {
            Color color = MINORITY.equals(key) ? MINORITY_COLOR : ALL_COLOR;
            renderer.setSeriesPaint(series, ChartStyle.translucent(color, 170));
            series++;
        }
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true);
        ChartStyle.apply(chart, subtitle);
        return chart;
    }
}
