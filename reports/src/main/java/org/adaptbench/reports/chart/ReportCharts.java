package org.adaptbench.reports.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ScenarioKey;
import org.adaptbench.reports.results.ScenarioNames;
import org.adaptbench.reports.results.Series;
import org.adaptbench.reports.results.SeriesNames;
import org.adaptbench.reports.results.Units;

/**
 * Chooses a report's charts from what a results file holds: every distribution as box plots, the
 * headline metrics of each scenario as bars with intervals, and every series as a line chart.
 *
 * <p>Charts are chosen by data, not by scenario list, so a run with a subset of scenarios or an
 * unknown series still renders everything it measured.
 */
public final class ReportCharts {

    /** A group of metrics drawn as one bar chart. */
    private record MetricGroup(String scenario, String name, String title, String valueLabel, String caption, List<String> metrics) {
    }

    private static final String CI_NOTE = "Whiskers: 95% bootstrap confidence interval.";

    private static final List<MetricGroup> METRIC_GROUPS = List.of(
            new MetricGroup(ScenarioNames.GRANULARITY, MetricNames.ACCURACY, "Accuracy per approach", "accuracy (fraction of queries)",
                    "Mean of per-user accuracies, the 10th-percentile user, the worst preference group, and accuracy on minority"
                            + " answers (not the one most users asked the question need; synthetic world). " + CI_NOTE,
                    List.of(MetricNames.ACCURACY, MetricNames.ACCURACY_P10_USER, MetricNames.ACCURACY_WORST_GROUP, MetricNames.ACCURACY_MINORITY)),
            new MetricGroup(ScenarioNames.ADAPTATION, "time_to_adapt", "Time until a stated or changed preference takes effect", "time to adapt (ms)",
                    "From the preference event to the first query answered by it, per approach and retraining cadence. " + CI_NOTE,
                    List.of(MetricNames.TIME_TO_ADAPT_MS)),
            new MetricGroup(ScenarioNames.COST, MetricNames.BYTES_PER_USER, "Storage per user", "bytes per user",
                    "Bytes kept for one user: memory entries, or adapter weights (a per-variant adapter shared by its users). " + CI_NOTE,
                    List.of(MetricNames.BYTES_PER_USER)),
            new MetricGroup(ScenarioNames.COST, MetricNames.TOKENS_PER_REQUEST, "Tokens added to each request", "tokens per request",
                    "Context tokens the approach adds to a request; adapters add none but must be trained and hosted. " + CI_NOTE,
                    List.of(MetricNames.TOKENS_PER_REQUEST)),
            new MetricGroup(ScenarioNames.COST, MetricNames.TRAIN_SECONDS, "Training time per user", "training time (s)",
                    "Wall-clock training on this machine's small base model; real model sizes are projected in the cost curves. " + CI_NOTE,
                    List.of(MetricNames.TRAIN_SECONDS)),
            new MetricGroup(ScenarioNames.REVERSIBILITY, "revert", "Does deleting a preference revert behaviour?", Units.FRACTION,
                    "Revert agreement: answers that match a never-learned reference after the deletion. Selective retention:"
                            + " the user's other preferences still honoured. " + CI_NOTE,
                    List.of(MetricNames.REVERT_AGREEMENT, MetricNames.SELECTIVE_RETENTION)),
            new MetricGroup(ScenarioNames.REVERSIBILITY, MetricNames.REVERT_MS, "Time to revert a deletion", "time to revert (ms)",
                    "From the deletion request until behaviour reverts (retraining included). " + CI_NOTE,
                    List.of(MetricNames.REVERT_MS)),
            new MetricGroup(ScenarioNames.COMBINED, MetricNames.ACCURACY, "Domain adapter plus memory against each alone", "accuracy (fraction of queries)",
                    "Mean per-user accuracy. " + CI_NOTE, List.of(MetricNames.ACCURACY)),
            new MetricGroup(ScenarioNames.RETRIEVAL, "recall", "Does the memory find the evidence?", "recall",
                    "Share of queries whose gold evidence turn is among the top k retrieved memories. " + CI_NOTE,
                    List.of("recall_at_1", "recall_at_3", "recall_at_5")),
            new MetricGroup(ScenarioNames.LATENCY, "percentiles", "Request latency percentiles", "latency (ms)",
                    "p50, p95 and p99 of the time to answer one request on this machine. " + CI_NOTE,
                    List.of(MetricNames.LATENCY_P50_MS, MetricNames.LATENCY_P95_MS, MetricNames.LATENCY_P99_MS)));

    private static final Map<String, String> SERIES_CAPTIONS = Map.of(
            MetricNames.ACCURACY_AFTER_CHANGE, "Accuracy on the queries after a preference changed (x = queries since the change),"
                    + " per approach and retraining cadence. Band: 95% confidence interval.",
            SeriesNames.ACCURACY_VS_TURNS, "Accuracy as filler turns lengthen the conversation. Band: 95% confidence interval.",
            SeriesNames.TOKENS_VS_TURNS, "Context tokens added per request as the conversation grows. Band: 95% confidence interval.",
            SeriesNames.ACCURACY_VS_EVENTS, "Per-user adapter against memory as a user's data grows (x = preference events seen)."
                    + " Band: 95% confidence interval.");

    private static final String MINORITY_SUFFIX = "_minority";
    private static final String COST_PREFIX = SeriesNames.COST_VS_REQUESTS;

    private ReportCharts() {
    }

    /** The charts for {@code results}, in report order. */
    public static List<ChartSpec> plan(Results results) {
        TreeSet<String> scenarios = new TreeSet<>(ScenarioKey.ORDER);
        scenarios.addAll(results.scenarios().keySet());
        scenarios.addAll(results.series().keySet());
        scenarios.addAll(results.distributions().keySet());
        List<ChartSpec> specs = new ArrayList<>();
        for (String scenario : scenarios) {
            specs.addAll(distributionCharts(scenario, results.distributions().getOrDefault(scenario, Map.of())));
            specs.addAll(metricCharts(scenario, results.scenarios().getOrDefault(scenario, Map.of())));
            specs.addAll(seriesCharts(scenario, results.series().getOrDefault(scenario, Map.of())));
        }
        return specs;
    }

    /** Plans and draws every chart. */
    public static List<RenderedChart> render(Results results) {
        return plan(results).stream().map(ChartRenderer::render).toList();
    }

    private static List<ChartSpec> distributionCharts(String scenario, Map<String, Map<String, List<Double>>> byApproach) {
        ScenarioKey key = ScenarioKey.parse(scenario);
        TreeMap<String, Map<String, Map<String, List<Double>>>> byName = new TreeMap<>();
        byApproach.forEach((approach, distributions) -> distributions.forEach((name, values) -> {
            boolean minority = name.endsWith(MINORITY_SUFFIX);
            String base = minority ? name.substring(0, name.length() - MINORITY_SUFFIX.length()) : name;
            byName.computeIfAbsent(base, n -> new TreeMap<>())
                    .computeIfAbsent(approach, a -> new TreeMap<>())
                    .put(minority ? DistributionBoxChart.MINORITY : DistributionBoxChart.ALL, values);
        }));
        List<ChartSpec> specs = new ArrayList<>();
        byName.forEach((name, groups) -> {
            String title = ChartStyle.humanize(name) + " — " + key.label();
            String caption = "Box: quartiles; line: median; whiskers: 1.5 × IQR; circles: outlying users."
                    + " Orange boxes are the minority group's users.";
            specs.add(new ChartSpec(scenario, "distribution-" + ChartSpec.slugPart(scenario) + "-" + ChartSpec.slugPart(name), title,
                    caption, DistributionBoxChart.build(title, "one value per user", name.replace('_', ' '), groups)));
        });
        return specs;
    }

    private static List<ChartSpec> metricCharts(String scenario, Map<String, Map<String, MetricValue>> byApproach) {
        ScenarioKey key = ScenarioKey.parse(scenario);
        List<ChartSpec> specs = new ArrayList<>();
        for (MetricGroup group : METRIC_GROUPS) {
            if (!group.scenario().equals(key.base())) {
                continue;
            }
            Map<String, Map<String, MetricValue>> values = new LinkedHashMap<>();
            for (String metric : group.metrics()) {
                Map<String, MetricValue> perApproach = new TreeMap<>();
                byApproach.forEach((approach, metrics) -> {
                    if (metrics.containsKey(metric)) {
                        perApproach.put(approach, metrics.get(metric));
                    }
                });
                if (!perApproach.isEmpty()) {
                    values.put(metric, perApproach);
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            String title = group.title() + " — " + key.label();
            specs.add(new ChartSpec(scenario, "metrics-" + ChartSpec.slugPart(scenario) + "-" + ChartSpec.slugPart(group.name()), title,
                    group.caption(), MetricBarChart.build(title, "", group.valueLabel(), values)));
        }
        return specs;
    }

    private static List<ChartSpec> seriesCharts(String scenario, Map<String, Series> byChart) {
        ScenarioKey key = ScenarioKey.parse(scenario);
        List<ChartSpec> specs = new ArrayList<>();
        byChart.forEach((name, series) -> {
            String title = seriesTitle(name) + " — " + key.label();
            specs.add(new ChartSpec(scenario, "series-" + ChartSpec.slugPart(scenario) + "-" + ChartSpec.slugPart(name), title,
                    seriesCaption(name), SeriesLineChart.build(title, "", series)));
        });
        return specs;
    }

    private static String seriesTitle(String name) {
        if (name.startsWith(COST_PREFIX)) {
            return "Cost per user over request volume at " + name.substring(COST_PREFIX.length()) + " size";
        }
        return ChartStyle.humanize(name);
    }

    private static String seriesCaption(String name) {
        if (name.startsWith(COST_PREFIX)) {
            return "Projected USD per user per month against requests per user per month, at the "
                    + name.substring(COST_PREFIX.length()) + " model size: memory pays per request (added tokens),"
                    + " adapters pay for training and hosting. Where lines cross is the break-even. Band: 95% confidence interval.";
        }
        return SERIES_CAPTIONS.getOrDefault(name, "One line per approach. Band: 95% confidence interval.");
    }
}
