package org.adaptbench.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adaptbench.reports.fixture.FixtureRun;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ScenarioNames;
import org.adaptbench.reports.results.Series;
import org.adaptbench.reports.results.SeriesPoint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

/**
 * No chart that cannot inform: every drawn distribution has at least two distinct values, every line
 * chart at most six lines per panel, and what is left out is said.
 */
class InformativeChartsTest {

    private static Results results(Map<String, Map<String, Series>> series) {
        return new Results(Results.CURRENT_SCHEMA_VERSION, "t", JsonNodeFactory.instance.objectNode(), "unknown", Map.of(), Map.of(),
                List.of(), Map.of(), series, Map.of(), List.of());
    }

    @Test
    void aQuickLikeRunPlansNoChartThatCannotInform() {
        ReportCharts.Plan plan = ReportCharts.plan(FixtureRun.generate().results());
        List<ChartSpec> all = new ArrayList<>(plan.headline());
        all.addAll(plan.details());
        assertFalse(all.isEmpty());
        for (ChartSpec spec : all) {
            assertEquals(List.of(), ChartAudit.problems(spec), spec.slug());
        }
        // nine adaptation lines: one panel per approach family, none over six
        ChartSpec timeline = all.stream().filter(s -> s.slug().equals("series-adaptation-accuracy_after_change")).findFirst().orElseThrow();
        List<Integer> panels = ChartAudit.linesPerPanel(timeline);
        assertTrue(panels.size() >= 2, "small multiples: " + panels);
        assertEquals(9, panels.stream().mapToInt(Integer::intValue).sum(), "every line drawn once: " + panels);
        // PrefEval users have one question each: their per-user accuracies are 0 or 1, and no box plot is drawn of them
        assertTrue(all.stream().noneMatch(s -> s.slug().startsWith("distribution-granularity-prefeval")));
        assertTrue(plan.omitted().get("granularity@prefeval").stream().anyMatch(line -> line.contains("single query")),
                plan.omitted().toString());
        assertTrue(all.stream().anyMatch(s -> s.slug().equals("distribution-granularity-per_user_accuracy")), "synthetic users' spread is drawn");
        assertEquals(List.of("headline-accuracy", "headline-accuracy-vs-tokens", "headline-time-to-adapt", "headline-cost"),
                plan.headline().stream().map(ChartSpec::slug).toList());
    }

    @Test
    void aMapScenarioIsDrawnAsHeatmapsAndNothingElseIs() {
        ReportCharts.Plan plan = ReportCharts.plan(FixtureRun.generate().results());
        List<ChartSpec> maps = plan.details().stream().filter(s -> s.scenario().equals(ScenarioNames.REGIMES)).toList();
        assertEquals(List.of("map-regimes-pick-accuracy", "map-regimes-pick-accuracy_then_cost", "map-regimes-accuracy"),
                maps.stream().map(ChartSpec::slug).toList());
        XYPlot first = (XYPlot) ((org.jfree.chart.plot.CombinedRangeXYPlot) maps.get(0).chart().getPlot()).getSubplots().get(0);
        assertEquals(2, ((org.jfree.chart.plot.CombinedRangeXYPlot) maps.get(0).chart().getPlot()).getSubplots().size(),
                "one panel per change rate");
        assertEquals(6, first.getAnnotations().size(), "every cell of a panel named: agreement 3 × events 2");
        for (ChartSpec map : maps) {
            assertTrue(ChartRenderer.render(map).inlineSvg().contains("<text"), map.slug());
        }
        Results noMap = FixtureRun.generate().results();
        var scenarios = new java.util.TreeMap<>(noMap.scenarios());
        scenarios.remove(ScenarioNames.REGIMES);
        Results without = new Results(noMap.schemaVersion(), noMap.runId(), noMap.config(), noMap.gitSha(), noMap.datasetHashes(),
                noMap.environment(), noMap.claims(), scenarios, noMap.series(), noMap.distributions(), noMap.notes());
        assertTrue(ReportCharts.plan(without).details().stream().noneMatch(s -> s.slug().startsWith("map-")), "no map, no heatmap");
    }

    @Test
    void figuresTheSameForEveryApproachAreTabledNotDrawn() {
        MetricValue same = new MetricValue(0.64, 0.53, 0.75, 60, "fraction", true);
        var byApproach = Map.of("memory", Map.of(MetricNames.recallAt(1), same, MetricNames.recallAt(3), new MetricValue(0.7, 0.6, 0.8, 60,
                "fraction", true)), "memory/no-recency", Map.of(MetricNames.recallAt(1), same, MetricNames.recallAt(3),
                new MetricValue(0.6, 0.5, 0.7, 60, "fraction", true)));
        Results results = new Results(Results.CURRENT_SCHEMA_VERSION, "t", JsonNodeFactory.instance.objectNode(), "unknown", Map.of(),
                Map.of(), List.of(), Map.of("retrieval@prefeval", byApproach), Map.of(), Map.of(), List.of());
        ReportCharts.Plan plan = ReportCharts.plan(results);
        assertEquals(1, plan.details().size());
        assertEquals(1, ((org.jfree.chart.plot.CombinedDomainCategoryPlot) plan.details().get(0).chart().getPlot()).getSubplots().size(),
                "only recall_at_3 tells the two apart");
        assertEquals(List.of("Not drawn: recall_at_1 — the same figure and interval for every approach here; see the table."),
                plan.omitted().get("retrieval@prefeval"));
    }

    @Test
    void theAuditCatchesAFlatBoxAndATangle() {
        JFreeChart flat = DistributionBoxChart.build("t", "", "v", Map.of("memory", Map.of(DistributionBoxChart.ALL, List.of(0.5, 0.5, 0.5)),
                "none", Map.of(DistributionBoxChart.ALL, List.of(0.1, 0.4, 0.6))));
        List<String> problems = ChartAudit.problems(new ChartSpec("granularity", "flat", "t", "c", flat));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("memory"), problems.get(0));

        YIntervalSeriesCollection lines = new YIntervalSeriesCollection();
        for (int i = 0; i < 7; i++) {
            YIntervalSeries line = new YIntervalSeries("line" + i);
            line.add(1, 0.5, 0.4, 0.6);
            lines.addSeries(line);
        }
        JFreeChart tangle = new JFreeChart(new XYPlot(lines, ChartStyle.numberAxis("x"), ChartStyle.numberAxis("y"),
                new org.jfree.chart.renderer.xy.DeviationRenderer()));
        assertEquals(1, ChartAudit.problems(new ChartSpec("adaptation", "tangle", "t", "c", tangle)).size());
    }

    @Test
    void aSeriesOfManyLinesOfOneKindKeepsTheStrongestSixAndSaysSo() {
        Map<String, List<SeriesPoint>> lines = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            double y = 0.1 * i;
            lines.put("variant-" + (char) ('a' + i), List.of(new SeriesPoint(0, y, y, y, 5), new SeriesPoint(1, y, y, y, 5)));
        }
        Series series = new Series("x", MetricNames.ACCURACY, true, lines);
        ReportCharts.Plan plan = ReportCharts.plan(results(Map.of("brand-new", Map.of("curve", series))));
        ChartSpec chart = plan.details().get(0);
        assertEquals(List.of(6), ChartAudit.linesPerPanel(chart));
        assertTrue(plan.omitted().get("brand-new").get(0).contains("6 strongest of 8"), plan.omitted().toString());
        XYPlot plot = (XYPlot) chart.chart().getPlot();
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
            kept.add(plot.getDataset().getSeriesKey(i));
        }
        assertEquals(List.of("variant-c", "variant-d", "variant-e", "variant-f", "variant-g", "variant-h"), kept, "the six highest, higher being better");
    }
}
