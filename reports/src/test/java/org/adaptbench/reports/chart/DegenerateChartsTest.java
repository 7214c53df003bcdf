package org.adaptbench.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.Series;
import org.adaptbench.reports.results.SeriesPoint;
import org.junit.jupiter.api.Test;

/** Charts must still draw when the data is as thin as a smoke run or a broken run leaves it. */
class DegenerateChartsTest {

    private static Results results(Map<String, Map<String, Map<String, MetricValue>>> scenarios, Map<String, Map<String, Series>> series,
            Map<String, Map<String, Map<String, List<Double>>>> distributions) {
        return new Results(Results.CURRENT_SCHEMA_VERSION, "degenerate", JsonNodeFactory.instance.objectNode(), "unknown", Map.of(),
                Map.of(), List.of(), scenarios, series, distributions, List.of());
    }

    private static void assertDrawn(RenderedChart chart) throws Exception {
        assertTrue(chart.inlineSvg().startsWith("<svg") && chart.inlineSvg().endsWith("</svg>"), chart.slug());
        assertTrue(chart.svgDocument().contains("<svg"), chart.slug());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
        assertEquals(ChartRenderer.WIDTH * ChartRenderer.PNG_SCALE, image.getWidth(), chart.slug());
        assertEquals(ChartRenderer.HEIGHT * ChartRenderer.PNG_SCALE, image.getHeight(), chart.slug());
    }

    @Test
    void onePointAllEqualAndEmptyLinesStillDraw() throws Exception {
        Series series = new Series("queries since the change", MetricNames.ACCURACY, true, Map.of(
                "memory", List.of(new SeriesPoint(3, 0.5, 0.5, 0.5, 1)),
                "user-lora", List.of(new SeriesPoint(0, 0.7, 0.7, 0.7, 4), new SeriesPoint(5, 0.7, 0.7, 0.7, 4)),
                "none", List.of()));
        Series empty = new Series("x", "y", false, Map.of());
        Series unknown = new Series("turns", "something new", false, Map.of("a-new-approach", List.of(new SeriesPoint(1, 2, 1, 3, 9))));
        List<RenderedChart> charts = ReportCharts.render(results(Map.of(),
                Map.of("adaptation", Map.of(MetricNames.ACCURACY_AFTER_CHANGE, series, "nothing", empty), "brand-new@mydata", Map.of("curve", unknown)),
                Map.of())).all();
        assertEquals(2, charts.size(), "a series without lines is not drawn");
        for (RenderedChart chart : charts) {
            assertDrawn(chart);
        }
        assertTrue(charts.stream().anyMatch(c -> c.slug().equals("series-brand-new-mydata-curve") && c.title().contains("brand-new (mydata)")));
    }

    @Test
    void barsWithZerosEqualValuesAndOneApproachDraw() throws Exception {
        MetricValue zero = MetricValue.exact(0, 5, "tokens", false);
        var scenarios = Map.of(
                "cost", Map.of("user-lora", Map.of(MetricNames.TOKENS_PER_REQUEST, zero), "global-lora", Map.of(MetricNames.TOKENS_PER_REQUEST, zero)),
                "latency", Map.of("memory", Map.of(MetricNames.LATENCY_P50_MS, MetricValue.exact(2, 1, "ms", false),
                        MetricNames.LATENCY_P99_MS, MetricValue.exact(2, 1, "ms", false))),
                "adaptation", Map.of("memory", Map.of(MetricNames.TIME_TO_ADAPT_MS, new MetricValue(40, 1, 4e7, 3, "ms", false))));
        ReportCharts.Rendered rendered = ReportCharts.render(results(scenarios, Map.of(), Map.of()));
        List<RenderedChart> charts = rendered.all();
        // tokens_per_request is 0, exactly, for both approaches that measured it: no chart, and the plan says nothing of it
        // (the table says so); a metric only one approach measured is drawn
        assertEquals(List.of("headline-time-to-adapt", "metrics-latency-percentiles"), charts.stream().map(RenderedChart::slug).toList());
        for (RenderedChart chart : charts) {
            assertDrawn(chart);
        }
    }

    @Test
    void distributionsWithOneUserOrNoMinorityDrawOnlyTheBoxesWithASpread() throws Exception {
        var distributions = Map.of("granularity", Map.of(
                "memory", Map.of("per_user_accuracy", List.of(0.5)),
                "none", Map.of("per_user_accuracy", List.of(0.25, 0.25, 0.25), "per_user_accuracy_minority", List.<Double>of()),
                "user-lora", Map.of("per_user_accuracy", List.of(0.25, 0.5, 0.75)),
                "global-lora", Map.of("per_user_accuracy", List.<Double>of())));
        ReportCharts.Plan plan = ReportCharts.plan(results(Map.of(), Map.of(), distributions));
        assertEquals(1, plan.details().size());
        assertTrue(ChartAudit.problems(plan.details().get(0)).isEmpty(), ChartAudit.problems(plan.details().get(0)).toString());
        assertDrawn(ChartRenderer.render(plan.details().get(0)));
        assertEquals(List.of("Not drawn in the per user accuracy chart, every user the same value: none, memory."),
                plan.omitted().get("granularity"));
    }
}
