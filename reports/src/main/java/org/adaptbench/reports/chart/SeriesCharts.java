package org.adaptbench.reports.chart;

import java.util.List;
import org.adaptbench.reports.results.Series;

/** Line charts of any {@link Series} outside a results file (benchmark figures), drawn as {@link ReportCharts} draws its own. */
public final class SeriesCharts {

    private SeriesCharts() {
    }

    /**
     * One line per series name, its interval as a band; the x axis turns logarithmic when x spans
     * two decades or more. {@code scenario} and {@code slug} name the chart as in a report.
     */
    public static RenderedChart line(String scenario, String slug, String title, String caption, Series series) {
        return ChartRenderer.render(new ChartSpec(scenario, slug, title, caption, SeriesLineChart.build(title, caption,
                List.of(new SeriesLineChart.Panel("", series, List.copyOf(series.lines().keySet()), List.of())))));
    }
}
