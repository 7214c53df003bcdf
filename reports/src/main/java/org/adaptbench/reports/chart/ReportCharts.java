package org.adaptbench.reports.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.adaptbench.reports.results.ApproachInfo;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.Figures;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.RegimeCell;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ScenarioKey;
import org.adaptbench.reports.results.ScenarioNames;
import org.adaptbench.reports.results.Series;
import org.adaptbench.reports.results.SeriesNames;
import org.adaptbench.reports.results.SeriesPoint;
import org.adaptbench.reports.results.Units;

/**
 * Chooses a report's charts from what a results file holds: the headline charts that answer the
 * comparison at a glance, then per scenario its distributions, metric panels and series.
 *
 * <p>Charts are chosen by data, not by scenario list, so a run with a subset of scenarios or an
 * unknown series still renders everything it measured; a chart that could not inform (a box plot of
 * 0s and 1s, a metric equal for everyone) is not drawn, and the plan says so in one line.
 */
public final class ReportCharts {

    /**
     * The charts of one report.
     *
     * @param headline the charts under the verdict board, in order
     * @param details every other chart; its scenario key says which section it belongs to
     * @param omitted scenario key → one line per thing not drawn and why
     */
    public record Plan(List<ChartSpec> headline, List<ChartSpec> details, Map<String, List<String>> omitted) {

        public Plan {
            headline = List.copyOf(headline);
            details = List.copyOf(details);
            omitted = Map.copyOf(omitted);
        }

        /** Draws every chart, headline first. */
        public Rendered render() {
            return new Rendered(headline.stream().map(ChartRenderer::render).toList(), details.stream().map(ChartRenderer::render).toList(),
                    omitted);
        }
    }

    /** A plan drawn. */
    public record Rendered(List<RenderedChart> headline, List<RenderedChart> details, Map<String, List<String>> omitted) {

        public Rendered {
            headline = List.copyOf(headline);
            details = List.copyOf(details);
            omitted = Map.copyOf(omitted);
        }

        /** Every chart, headline first. */
        public List<RenderedChart> all() {
            List<RenderedChart> all = new ArrayList<>(headline);
            all.addAll(details);
            return all;
        }
    }

    /** A group of metrics drawn as one forest plot, one panel per metric. */
    private record MetricGroup(String scenario, String name, String title, String caption, List<String> metrics) {
    }

    private static final String CI_NOTE = "Dot: estimate; whisker: 95% confidence interval.";
    private static final String CONTROLS_NOTE = " Dashed lines: controls.";

    private static final List<MetricGroup> METRIC_GROUPS = List.of(
            new MetricGroup(ScenarioNames.GRANULARITY, "groups", "Who loses out: the weakest users and groups",
                    "The 10th-percentile user, the worst preference group, and accuracy on minority and majority answers (the answer"
                            + " most users asked the same question need, or not; synthetic world). " + CI_NOTE,
                    List.of(MetricNames.ACCURACY_P10_USER, MetricNames.ACCURACY_WORST_GROUP, MetricNames.ACCURACY_MINORITY,
                            MetricNames.ACCURACY_MAJORITY)),
            new MetricGroup(ScenarioNames.ADAPTATION, "adapted", "Share of preference events that took effect",
                    "Fraction of stated or changed preferences the approach answered by before the end of the replay. " + CI_NOTE,
                    List.of(MetricNames.ADAPTED_FRACTION)),
            new MetricGroup(ScenarioNames.COST, "per_user", "What each approach costs per user",
                    "Bytes kept for one user (memory entries, or adapter weights; a per-variant adapter shared by its users), context"
                            + " tokens added to each request, and training time on this machine's small base model. " + CI_NOTE,
                    List.of(MetricNames.BYTES_PER_USER, MetricNames.TOKENS_PER_REQUEST, MetricNames.TRAIN_SECONDS)),
            new MetricGroup(ScenarioNames.REVERSIBILITY, "revert", "Does deleting a preference revert behaviour?",
                    "Revert agreement: answers that match a never-learned reference after the deletion. Selective retention: the"
                            + " user's other preferences still honoured. Time to revert: from the deletion request until behaviour"
                            + " reverts (retraining included). " + CI_NOTE,
                    List.of(MetricNames.REVERT_AGREEMENT, MetricNames.SELECTIVE_RETENTION, MetricNames.REVERT_MS)),
            new MetricGroup(ScenarioNames.COMBINED, MetricNames.ACCURACY, "Domain adapter plus memory against each alone",
                    "Mean per-user accuracy. " + CI_NOTE, List.of(MetricNames.ACCURACY)),
            new MetricGroup(ScenarioNames.RETRIEVAL, "recall", "Does the memory find the evidence?",
                    "Share of queries whose gold evidence turn is among the top k retrieved memories. " + CI_NOTE,
                    List.of(MetricNames.recallAt(1), MetricNames.recallAt(3), MetricNames.recallAt(5))),
            new MetricGroup(ScenarioNames.LATENCY, "percentiles", "Request latency percentiles",
                    "p50, p95 and p99 of the time to answer one request on this machine. " + CI_NOTE,
                    List.of(MetricNames.LATENCY_P50_MS, MetricNames.LATENCY_P95_MS, MetricNames.LATENCY_P99_MS)));

    private static final Map<String, String> SERIES_CAPTIONS = Map.of(
            MetricNames.ACCURACY_AFTER_CHANGE, "Accuracy on the queries after a preference changed (x = queries since the change),"
                    + " per approach and retraining cadence; one panel per approach family. Band: 95% confidence interval.",
            SeriesNames.ACCURACY_VS_TURNS, "Accuracy as filler turns lengthen the conversation. Band: 95% confidence interval.",
            SeriesNames.TOKENS_VS_TURNS, "Context tokens added per request as the conversation grows. Band: 95% confidence interval.",
            SeriesNames.ACCURACY_VS_EVENTS, "Per-user adapter against memory as a user's data grows (x = preference events seen)."
                    + " Band: 95% confidence interval.");

    /** Controls drawn as reference lines in accuracy panels, with the labels the lines carry. */
    private static final Map<String, String> REFERENCE_LABELS = orderedMap(
            ApproachNames.CHANCE, "chance", ApproachNames.MAJORITY_CEILING, "majority ceiling", ApproachNames.OPTION_ONLY, "option-only",
            ApproachNames.ORACLE_CONTEXT, "oracle", ApproachNames.COSINE_ORACLE, "cosine oracle");

    private static final String MINORITY_SUFFIX = "_minority";
    private static final String COST_PREFIX = SeriesNames.COST_VS_REQUESTS;
    private static final String BREAK_EVEN_PREFIX = MetricNames.breakEvenRequests("");
    /** Numeric heatmaps drawn per map at most; the rest of a map's figures are in its table. */
    private static final int MAX_NUMERIC_HEATMAPS = 4;

    private ReportCharts() {
    }

    /** The charts for {@code results}: headline first, then per scenario in report order. */
    public static Plan plan(Results results) {
        return new Planner(results).plan();
    }

    /** Plans and draws every chart. */
    public static Rendered render(Results results) {
        return plan(results).render();
    }

    /** The data set a scenario key was measured on, for labels: its suffix, or the run's first data set. */
    public static String datasetLabel(Results results, String scenarioKey) {
        String dataset = ScenarioKey.parse(scenarioKey).dataset();
        if (!dataset.isEmpty()) {
            return dataset;
        }
        var datasets = results.config().path("datasets");
        if (datasets.isArray() && datasets.size() > 0 && datasets.get(0).isTextual()) {
            return datasets.get(0).asText();
        }
        var single = results.config().path("dataset");
        return single.isTextual() ? single.asText() : "";
    }

    /** The planning of one report. */
    private static final class Planner {
        private final Results results;
        private final Comparator<String> order;
        private final List<ChartSpec> headline = new ArrayList<>();
        private final List<ChartSpec> details = new ArrayList<>();
        private final Map<String, List<String>> omitted = new TreeMap<>();
        private final Set<String> promoted = new java.util.HashSet<>();

        Planner(Results results) {
            this.results = results;
            this.order = ApproachNames.order(results);
        }

        Plan plan() {
            TreeSet<String> scenarios = new TreeSet<>(ScenarioKey.ORDER);
            scenarios.addAll(results.scenarios().keySet());
            scenarios.addAll(results.series().keySet());
            scenarios.addAll(results.distributions().keySet());
            headlineAccuracy(scenarios);
            headlineAccuracyVsTokens(scenarios);
            headlineTimeToAdapt(scenarios);
            headlineCost(scenarios);
            for (String scenario : scenarios) {
                Map<String, Map<String, MetricValue>> byApproach = results.scenarios().getOrDefault(scenario, Map.of());
                if (RegimeCell.isMap(byApproach)) {
                    heatmaps(scenario, byApproach);
                    continue;
                }
                distributionCharts(scenario, results.distributions().getOrDefault(scenario, Map.of()));
                metricCharts(scenario, byApproach);
                seriesCharts(scenario, results.series().getOrDefault(scenario, Map.of()));
            }
            return new Plan(headline, details, omitted);
        }

        private List<String> keysOf(Set<String> scenarios, String base) {
            return scenarios.stream().filter(k -> ScenarioKey.parse(k).base().equals(base)).toList();
        }

        /** One forest-plot panel per data set of {@code base} that measured {@code metric}; rows collects the approaches. */
        private List<IntervalChart.Panel> panelsPerDataset(Set<String> scenarios, String base, String metric, String axisLabel,
                boolean references, TreeSet<String> rows) {
            List<IntervalChart.Panel> panels = new ArrayList<>();
            for (String key : keysOf(scenarios, base)) {
                Map<String, MetricValue> values = approachesWith(key, metric);
                if (!values.isEmpty()) {
                    rows.addAll(values.keySet());
                    panels.add(new IntervalChart.Panel(axisLabel + " · " + datasetLabel(results, key), values,
                            references ? references(key, metric) : List.of()));
                }
            }
            return panels;
        }

        private void headlineAccuracy(Set<String> scenarios) {
            TreeSet<String> rows = new TreeSet<>(order);
            List<IntervalChart.Panel> panels = panelsPerDataset(scenarios, ScenarioNames.GRANULARITY, MetricNames.ACCURACY, "accuracy", true, rows);
            if (panels.isEmpty()) {
                return;
            }
            promoted.add(ScenarioNames.GRANULARITY + "/" + MetricNames.ACCURACY);
            String title = "Accuracy by approach";
            headline.add(new ChartSpec(ScenarioNames.GRANULARITY, "headline-accuracy", title,
                    "Mean of per-user accuracies on the granularity scenario, one panel per data set. Dashed lines: chance, the"
                            + " majority ceiling (the best anything blind to the user can do on the synthetic world), the option-only"
                            + " score (what the option wording alone gives away on PrefEval) and the oracles (the gold evidence given"
                            + " as context). " + CI_NOTE,
                    IntervalChart.build(title, "higher is better · dot: estimate · whisker: 95% CI", List.copyOf(rows), panels)));
        }

        private void headlineAccuracyVsTokens(Set<String> scenarios) {
            List<ScatterChart.Panel> panels = new ArrayList<>();
            for (String key : keysOf(scenarios, ScenarioNames.GRANULARITY)) {
                String dataset = ScenarioKey.parse(key).dataset();
                String costKey = new ScenarioKey(ScenarioNames.COST, dataset).key();
                Map<String, ScatterChart.Point> points = new LinkedHashMap<>();
                approachesWith(key, MetricNames.ACCURACY).forEach((approach, accuracy) -> {
                    Optional<MetricValue> tokens = results.metric(key, approach, MetricNames.TOKENS_PER_REQUEST)
                            .or(() -> results.metric(costKey, approach, MetricNames.TOKENS_PER_REQUEST));
                    tokens.ifPresent(t -> points.put(approach, new ScatterChart.Point(t, accuracy)));
                });
                if (points.size() >= 2) {
                    panels.add(new ScatterChart.Panel("tokens added per request · " + datasetLabel(results, key), points));
                }
            }
            if (panels.isEmpty()) {
                return;
            }
            String title = "Accuracy against the context it costs";
            headline.add(new ChartSpec(ScenarioNames.GRANULARITY, "headline-accuracy-vs-tokens", title,
                    "One point per approach: mean per-user accuracy (granularity) against the context tokens it adds to each request"
                            + " (adapters add none, but must be trained and hosted). Up and to the left is better. Whiskers: 95% intervals.",
                    ScatterChart.build(title, "", "accuracy (higher is better)", panels)));
        }

        private void headlineTimeToAdapt(Set<String> scenarios) {
            TreeSet<String> rows = new TreeSet<>(order);
            List<IntervalChart.Panel> panels = panelsPerDataset(scenarios, ScenarioNames.ADAPTATION, MetricNames.TIME_TO_ADAPT_MS,
                    "time to adapt, ms", false, rows);
            if (panels.isEmpty()) {
                return;
            }
            promoted.add(ScenarioNames.ADAPTATION + "/" + MetricNames.TIME_TO_ADAPT_MS);
            String title = "Time until a stated or changed preference takes effect";
            headline.add(new ChartSpec(ScenarioNames.ADAPTATION, "headline-time-to-adapt", title,
                    "From the preference event to the first query answered by it, per approach and retraining cadence, on a log axis when the times span"
                            + " two decades or more (each decade ten times longer). Lower is better. Whisker: 95% confidence interval.",
                    IntervalChart.build(title, "lower is better", List.copyOf(rows), panels)));
        }

        /** The first data set's cost curves lead; every other data set's are drawn the same way in its section. */
        private void headlineCost(Set<String> scenarios) {
            for (String key : keysOf(scenarios, ScenarioNames.COST)) {
                Optional<ChartSpec> chart = costCurves(key, "headline-cost");
                if (chart.isPresent()) {
                    headline.add(chart.get());
                    return;
                }
            }
        }

        /** Every cost curve of one scenario key as one chart, a panel per model size, with the break-even volumes. */
        private Optional<ChartSpec> costCurves(String key, String slug) {
            Map<String, Series> curves = new TreeMap<>();
            results.series().getOrDefault(key, Map.of()).forEach((name, series) -> {
                if (name.startsWith(COST_PREFIX) && !series.lines().isEmpty()) {
                    curves.put(name, series);
                }
            });
            if (curves.isEmpty()) {
                return Optional.empty();
            }
            List<SeriesLineChart.Panel> panels = new ArrayList<>();
            curves.forEach((name, series) -> {
                String model = name.substring(COST_PREFIX.length());
                List<String> lines = strongest(ChartStyle.sortedApproaches(series.lines().keySet()), series);
                panels.add(new SeriesLineChart.Panel(model, series, lines, breakEvens(key, model, lines)));
            });
            curves.keySet().forEach(name -> promoted.add(key + "/series/" + name));
            String title = "Projected cost per user-month against requests per user";
            return Optional.of(new ChartSpec(key, slug, title,
                    "Projected USD per user per month against requests per user per month, one panel per model size: memory pays"
                            + " per request (added tokens), adapters pay for training and hosting. Dotted vertical lines: the request"
                            + " volume above which that approach becomes cheaper than memory (break-even). Band: 95% interval.",
                    SeriesLineChart.build(title, datasetLabel(results, key) + " · projected, not measured", "USD per user-month", panels)));
        }

        private List<SeriesLineChart.Marker> breakEvens(String key, String model, List<String> lines) {
            List<SeriesLineChart.Marker> markers = new ArrayList<>();
            for (String approach : lines) {
                results.scenarios().getOrDefault(key, Map.of()).getOrDefault(approach, Map.of()).forEach((metric, value) -> {
                    if (metric.startsWith(BREAK_EVEN_PREFIX) && MetricNames.slug(metric.substring(BREAK_EVEN_PREFIX.length()))
                            .equals(MetricNames.slug(model)) && value.value() > 0) {
                        markers.add(new SeriesLineChart.Marker(approach, approach + " " + Figures.number(value.value()), value.value()));
                    }
                });
            }
            return markers;
        }

        private Map<String, MetricValue> approachesWith(String key, String metric) {
            Map<String, MetricValue> values = new TreeMap<>(order);
            results.scenarios().getOrDefault(key, Map.of()).forEach((approach, metrics) -> {
                if (metrics.containsKey(metric) && !isReference(approach)) {
                    values.put(approach, metrics.get(metric));
                }
            });
            return values;
        }

        private List<IntervalChart.Reference> references(String key, String metric) {
            List<IntervalChart.Reference> references = new ArrayList<>();
            REFERENCE_LABELS.forEach((control, label) -> results.metric(key, control, metric)
                    .ifPresent(v -> references.add(new IntervalChart.Reference(label + " " + Figures.number(v.value()), v.value()))));
            return references;
        }

        private void distributionCharts(String scenario, Map<String, Map<String, List<Double>>> byApproach) {
            ScenarioKey key = ScenarioKey.parse(scenario);
            TreeMap<String, Map<String, Map<String, List<Double>>>> byName = new TreeMap<>();
            byApproach.forEach((approach, distributions) -> distributions.forEach((name, values) -> {
                boolean minority = name.endsWith(MINORITY_SUFFIX);
                String base = minority ? name.substring(0, name.length() - MINORITY_SUFFIX.length()) : name;
                byName.computeIfAbsent(base, n -> new TreeMap<>())
                        .computeIfAbsent(approach, a -> new TreeMap<>())
                        .put(minority ? DistributionBoxChart.MINORITY : DistributionBoxChart.ALL, values);
            }));
            byName.forEach((name, groups) -> {
                String what = ChartStyle.humanize(name).toLowerCase(java.util.Locale.US);
                List<Double> every = groups.values().stream().flatMap(g -> g.values().stream()).flatMap(List::stream).toList();
                if (Informative.zeroOrOne(every)) {
                    omit(scenario, "No " + what + " chart: every value is 0 or 1 (each user has a single query), so a distribution"
                            + " would say nothing the mean does not; see the table.");
                    return;
                }
                Map<String, Map<String, List<Double>>> drawn = new TreeMap<>();
                List<String> flat = new ArrayList<>();
                groups.forEach((approach, byGroup) -> byGroup.forEach((group, values) -> {
                    if (Informative.hasSpread(values)) {
                        drawn.computeIfAbsent(approach, a -> new TreeMap<>()).put(group, values);
                    } else if (!values.isEmpty()) {
                        flat.add(approach + (group.equals(DistributionBoxChart.MINORITY) ? " (minority users)" : ""));
                    }
                }));
                if (!flat.isEmpty()) {
                    omit(scenario, "Not drawn in the " + what + " chart, every user the same value: "
                            + String.join(", ", flat.stream().sorted(order).toList()) + ".");
                }
                if (drawn.isEmpty()) {
                    return;
                }
                String title = ChartStyle.humanize(name) + " — " + key.label();
                String caption = "Box: quartiles; line: median; whiskers: 1.5 × IQR; circles: outlying users."
                        + " Light boxes are the minority group's users.";
                details.add(new ChartSpec(scenario, "distribution-" + ChartSpec.slugPart(scenario) + "-" + ChartSpec.slugPart(name), title,
                        caption, DistributionBoxChart.build(title, "one value per user", name.replace('_', ' '), drawn)));
            });
        }

        private void metricCharts(String scenario, Map<String, Map<String, MetricValue>> byApproach) {
            ScenarioKey key = ScenarioKey.parse(scenario);
            Set<String> degenerate = Informative.degenerateMetrics(byApproach);
            for (MetricGroup group : METRIC_GROUPS) {
                if (!group.scenario().equals(key.base())) {
                    continue;
                }
                List<IntervalChart.Panel> panels = new ArrayList<>();
                TreeSet<String> rows = new TreeSet<>(order);
                List<String> alike = new ArrayList<>();
                for (String metric : group.metrics()) {
                    if (degenerate.contains(metric) || promoted.contains(key.base() + "/" + metric)) {
                        continue;
                    }
                    Map<String, MetricValue> values = approachesWith(scenario, metric);
                    if (values.isEmpty()) {
                        continue;
                    }
                    if (Informative.alike(values.values())) {
                        alike.add(metric);
                        continue;
                    }
                    rows.addAll(values.keySet());
                    MetricValue any = values.values().iterator().next();
                    String unit = Figures.unitSuffix(any.unit()).trim();
                    panels.add(new IntervalChart.Panel(metric.replace('_', ' ') + (unit.isEmpty() || metric.contains(unit) ? "" : ", " + unit),
                            values, Units.FRACTION.equals(any.unit()) ? references(scenario, metric) : List.of()));
                }
                if (!alike.isEmpty()) {
                    omit(scenario, "Not drawn: " + String.join(", ", alike) + " — the same figure and interval for every approach here;"
                            + " see the table.");
                }
                if (panels.isEmpty()) {
                    continue;
                }
                String title = group.title() + " — " + key.label();
                boolean controls = panels.stream().anyMatch(p -> !p.references().isEmpty());
                details.add(new ChartSpec(scenario, "metrics-" + ChartSpec.slugPart(scenario) + "-" + ChartSpec.slugPart(group.name()), title,
                        group.caption() + (controls ? CONTROLS_NOTE : ""), IntervalChart.build(title, "", List.copyOf(rows), panels)));
            }
        }

        private void seriesCharts(String scenario, Map<String, Series> byChart) {
            ScenarioKey key = ScenarioKey.parse(scenario);
            if (byChart.keySet().stream().anyMatch(name -> name.startsWith(COST_PREFIX) && !promoted.contains(scenario + "/series/" + name))) {
                costCurves(scenario, "series-" + ChartSpec.slugPart(scenario) + "-cost_vs_requests").ifPresent(details::add);
            }
            byChart.forEach((name, series) -> {
                if (promoted.contains(scenario + "/series/" + name) || series.lines().isEmpty()) {
                    return;
                }
                String title = seriesTitle(name) + " — " + key.label();
                List<SeriesLineChart.Panel> panels = panels(series);
                int drawn = panels.stream().mapToInt(p -> p.lines().size()).sum();
                if (drawn < series.lines().size()) {
                    omit(scenario, seriesTitle(name) + ": the " + drawn + " strongest of " + series.lines().size()
                            + " lines are drawn; every line is in the data table.");
                }
                details.add(new ChartSpec(scenario, "series-" + ChartSpec.slugPart(scenario) + "-" + ChartSpec.slugPart(name), title,
                        seriesCaption(name), SeriesLineChart.build(title, "", panels)));
            });
        }

        /**
         * Small multiples for a series with more lines than a panel can hold: one panel per approach
         * family (changes weights, or not), then per approach, keeping the strongest lines of one
         * that still has too many; at most three panels.
         */
        private List<SeriesLineChart.Panel> panels(Series series) {
            List<String> names = ChartStyle.sortedApproaches(series.lines().keySet());
            if (names.size() <= SeriesLineChart.MAX_LINES_PER_PANEL) {
                return List.of(new SeriesLineChart.Panel("", series, names, List.of()));
            }
            Map<String, List<String>> families = new LinkedHashMap<>();
            for (String name : names) {
                families.computeIfAbsent(family(name), f -> new ArrayList<>()).add(name);
            }
            if (families.size() == 1) {
                families.clear();
                names.forEach(name -> families.computeIfAbsent(ApproachNames.base(name), f -> new ArrayList<>()).add(name));
            }
            if (families.size() > 3) {
                return List.of(new SeriesLineChart.Panel("strongest " + SeriesLineChart.MAX_LINES_PER_PANEL, series, strongest(names, series),
                        List.of()));
            }
            List<SeriesLineChart.Panel> panels = new ArrayList<>();
            families.forEach((family, lines) -> panels.add(new SeriesLineChart.Panel(family, series, strongest(lines, series), List.of())));
            return panels;
        }

        private String family(String name) {
            if (!isApproach(name)) {
                return "other";
            }
            return ApproachNames.isFineTuning(results, name) ? "fine-tuning" : "memory and baselines";
        }

        private boolean isApproach(String name) {
            String base = ApproachNames.base(name).replace(ApproachNames.MERGED_SUFFIX, "");
            return ApproachNames.APPROACHES.contains(base) || results.approaches().stream().map(ApproachInfo::name).anyMatch(base::equals);
        }

        /** At most a panel's worth of lines: the best by mean y in the series' direction, kept in reading order. */
        private List<String> strongest(List<String> lines, Series series) {
            if (lines.size() <= SeriesLineChart.MAX_LINES_PER_PANEL) {
                return lines;
            }
            Comparator<String> byMean = Comparator.comparingDouble(line -> mean(series.lines().get(line)));
            List<String> best = lines.stream().sorted(series.higherIsBetter() ? byMean.reversed() : byMean)
                    .limit(SeriesLineChart.MAX_LINES_PER_PANEL).toList();
            return lines.stream().filter(best::contains).toList();
        }

        private static double mean(List<SeriesPoint> points) {
            return points.stream().mapToDouble(SeriesPoint::y).average().orElse(Double.NaN);
        }

        private void heatmaps(String scenario, Map<String, Map<String, MetricValue>> byCell) {
            Map<String, RegimeCell> cells = new TreeMap<>();
            byCell.keySet().forEach(key -> cells.put(key, RegimeCell.parse(key).orElseThrow()));
            List<String> axes = List.copyOf(cells.values().iterator().next().axes().keySet());
            if (cells.values().stream().anyMatch(c -> !List.copyOf(c.axes().keySet()).equals(axes))) {
                omit(scenario, "No heatmap: the map's cells do not share one set of axes; see the table.");
                return;
            }
            HeatmapChart.Grid grid = grid(axes, cells.values());
            List<String> candidates = candidateApproaches();
            Map<String, List<HeatmapChart.Cell>> picks = new TreeMap<>();
            TreeSet<String> numeric = new TreeSet<>(MetricNames.ORDER);
            byCell.forEach((cellKey, metrics) -> metrics.forEach((metric, value) -> {
                Optional<Map.Entry<String, String>> pick = candidates.stream()
                        .flatMap(a -> MetricNames.pickCriterion(metric, a).map(c -> Map.entry(c, a)).stream()).findFirst();
                if (pick.isPresent()) {
                    if (value.value() > 0) {
                        String approach = pick.get().getValue();
                        picks.computeIfAbsent(pick.get().getKey(), c -> new ArrayList<>()).add(cell(grid, axes, cells.get(cellKey), Double.NaN,
                                approach, approach));
                    }
                } else if (candidates.stream().noneMatch(a -> metric.endsWith("_" + MetricNames.slug(a)))) {
                    numeric.add(metric);
                }
            }));
            ScenarioKey key = ScenarioKey.parse(scenario);
            picks.forEach((criterion, list) -> {
                String title = "The pick by " + criterion.replace('_', ' ') + " — " + key.label();
                details.add(new ChartSpec(scenario, "map-" + ChartSpec.slugPart(scenario) + "-pick-" + ChartSpec.slugPart(criterion), title,
                        "Each cell names the approach the map picks there by " + criterion.replace('_', ' ')
                                + " (ties go to the cheaper approach), coloured as that approach is in every chart.",
                        HeatmapChart.build(title, "", grid, list)));
            });
            numeric.stream().limit(MAX_NUMERIC_HEATMAPS).forEach(metric -> {
                List<HeatmapChart.Cell> list = new ArrayList<>();
                byCell.forEach((cellKey, metrics) -> {
                    MetricValue value = metrics.get(metric);
                    if (value != null) {
                        list.add(cell(grid, axes, cells.get(cellKey), value.value(), "", Figures.number(value.value())));
                    }
                });
                String title = ChartStyle.humanize(metric) + " — " + key.label();
                details.add(new ChartSpec(scenario, "map-" + ChartSpec.slugPart(scenario) + "-" + ChartSpec.slugPart(metric), title,
                        "The figure in each cell of the map; darker is lower (viridis scale). Intervals are in the table.",
                        HeatmapChart.build(title, "", grid, list)));
            });
            if (numeric.size() > MAX_NUMERIC_HEATMAPS) {
                omit(scenario, (numeric.size() - MAX_NUMERIC_HEATMAPS) + " more of the map's figures are in the table only.");
            }
            if (picks.isEmpty() && numeric.isEmpty()) {
                omit(scenario, "No heatmap: the map's cells hold only per-approach figures; see the table.");
            }
        }

        private static HeatmapChart.Grid grid(List<String> axes, java.util.Collection<RegimeCell> cells) {
            List<String> xs = HeatmapChart.axisOrder(cells.stream().map(c -> c.axes().get(axes.get(0))).toList());
            List<String> ys = HeatmapChart.axisOrder(cells.stream().map(c -> c.axes().get(axes.get(1))).toList());
            List<String> panels = HeatmapChart.axisOrder(cells.stream().map(c -> panelOf(axes, c)).toList());
            String panelLabel = String.join(", ", axes.subList(2, axes.size())).replace('_', ' ');
            return new HeatmapChart.Grid(axes.get(0).replace('_', ' '), xs, axes.get(1).replace('_', ' '), ys, panelLabel, panels);
        }

        private static String panelOf(List<String> axes, RegimeCell cell) {
            return String.join(", ", axes.subList(2, axes.size()).stream().map(a -> cell.axes().get(a)).toList());
        }

        private static HeatmapChart.Cell cell(HeatmapChart.Grid grid, List<String> axes, RegimeCell cell, double value, String category,
                String text) {
            return new HeatmapChart.Cell(panelOf(axes, cell), cell.axes().get(axes.get(0)), cell.axes().get(axes.get(1)), value, category,
                    text);
        }

        /** Approach names a map's metrics may carry: the run's registry, the known names and the controls, longest first. */
        private List<String> candidateApproaches() {
            TreeSet<String> names = new TreeSet<>(ApproachNames.APPROACHES);
            names.addAll(ApproachNames.CONTROLS);
            results.approaches().forEach(info -> names.add(info.name()));
            return names.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder())).toList();
        }

        private void omit(String scenario, String line) {
            omitted.computeIfAbsent(scenario, s -> new ArrayList<>()).add(line);
        }
    }

    /** Whether a name is drawn as a reference line rather than a row: a control or the oracle. */
    static boolean isReference(String name) {
        return REFERENCE_LABELS.containsKey(name) || REFERENCE_LABELS.containsKey(ApproachNames.base(name)) || ApproachNames.isControl(name);
    }

    /** Cost curves never get here: {@code costCurves} draws them, one chart per data set. */
    private static String seriesTitle(String name) {
        return ChartStyle.humanize(name);
    }

    private static String seriesCaption(String name) {
        return SERIES_CAPTIONS.getOrDefault(name, "One line per approach. Band: 95% confidence interval.");
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(Objects.requireNonNull(pairs[i]), pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
