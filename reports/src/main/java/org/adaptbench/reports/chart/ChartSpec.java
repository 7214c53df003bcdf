package org.adaptbench.reports.chart;

import java.util.Objects;
import org.jfree.chart.JFreeChart;

/**
 * A chart chosen for a report, before drawing.
 *
 * @param scenario the scenario key the chart belongs to
 * @param slug file name stem and id prefix: lower case letters, digits, '-' and '_' only
 * @param title shown above the chart
 * @param caption what the chart shows and how to read it
 * @param chart the JFreeChart to draw
 */
public record ChartSpec(String scenario, String slug, String title, String caption, JFreeChart chart) {

    public ChartSpec {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(chart, "chart");
        if (!slug.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new IllegalArgumentException("slug must be lower case letters, digits, '-' and '_': " + slug);
        }
    }

    /** A slug part from any name: {@code granularity@prefeval} → {@code granularity-prefeval}. */
    public static String slugPart(String name) {
        String slug = name.toLowerCase(java.util.Locale.US).replaceAll("[^a-z0-9_]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "x" : slug;
    }
}
