package org.adaptbench.reports.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.adaptbench.reports.chart.Informative;
import org.adaptbench.reports.chart.RenderedChart;
import org.adaptbench.reports.chart.ReportCharts;
import org.adaptbench.reports.claims.ClaimsTable;
import org.adaptbench.reports.compare.Change;
import org.adaptbench.reports.compare.Comparison;
import org.adaptbench.reports.compare.ComparisonMarkdown;
import org.adaptbench.reports.compare.MetricComparison;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.Claim;
import org.adaptbench.reports.results.ClaimFigure;
import org.adaptbench.reports.results.Figures;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.RegimeCell;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ResultsIo;
import org.adaptbench.reports.results.ScenarioKey;
import org.adaptbench.reports.results.ScenarioNames;
import org.adaptbench.reports.results.Series;
import org.adaptbench.reports.results.Verdict;

/**
 * What both report formats show, worked out once: the run's identity in one line, the verdict board,
 * the headline table and charts, the claims' evidence as rows, one section per scenario (its tables
 * without the metrics that cannot inform, its charts, its notes), the comparison with a baseline when
 * one was given, and the run's provenance. {@link HtmlReport} and {@link MarkdownReport} only lay it out.
 */
record ReportModel(
        Results results,
        String identity,
        List<BoardRow> board,
        HeadlineTable headline,
        List<RenderedChart> headlineCharts,
        List<ClaimEvidence> evidence,
        List<Section> sections,
        List<String> runNotes,
        Optional<ComparisonView> comparison,
        RunDetails details) {

    /** Metric tables are split so that no table has more than this many metric columns. */
    static final int METRIC_COLUMNS_PER_TABLE = 4;

    /**
     * One row of the verdict board.
     *
     * @param id the claim id (with its data set)
     * @param headline the claim's first clause ("Memory personalizes per user")
     * @param statement the whole claim
     * @param verdict the verdict
     * @param deciding what the deciding figure is ("memory − global-lora on minority answers"), or what is missing
     * @param figure the deciding figure with its interval ("+0.34 [+0.27, +0.41]"), "" when nothing was measured
     * @param opponent what the claim was decided against ("" when judged against a threshold)
     * @param why one line of why
     */
    record BoardRow(String id, String headline, String statement, Verdict verdict, String deciding, String figure, String opponent,
            String why) {
    }

    /** The answer at a glance: approaches as rows, one column per headline figure. */
    record HeadlineTable(List<Column> columns, List<String> approaches, Map<String, Map<String, MetricValue>> cells, List<String> controls) {

        /** One column: which figure of which scenario, under what label. */
        record Column(String scenario, String metric, String label, boolean higherIsBetter) {

            String key() {
                return scenario + "/" + metric;
            }
        }

        boolean isEmpty() {
            return columns.isEmpty();
        }

        Optional<MetricValue> cell(String approach, Column column) {
            return Optional.ofNullable(cells.getOrDefault(approach, Map.of()).get(column.key()));
        }
    }

    /**
     * A claim's evidence beside its rule: the comparisons as rows (figure, interval, n, distinct items),
     * and the plain figures as a grid of approaches × metrics, so twenty figures fit in a few rows.
     */
    record ClaimEvidence(String id, String statement, Verdict verdict, String rule, String evidenceText, List<ClaimFigure> comparisons,
            FigureGrid grid) {

        boolean isEmpty() {
            return comparisons.isEmpty() && grid.subjects().isEmpty();
        }
    }

    /** Approaches as rows, metrics as columns; a cell holds the one figure of that approach and metric. */
    record FigureGrid(List<String> subjects, List<String> metrics, Map<String, Map<String, ClaimFigure>> cells) {

        static FigureGrid of(List<ClaimFigure> figures) {
            List<String> subjects = new ArrayList<>();
            List<String> metrics = new ArrayList<>();
            Map<String, Map<String, ClaimFigure>> cells = new LinkedHashMap<>();
            for (ClaimFigure figure : figures) {
                if (!subjects.contains(figure.subject())) {
                    subjects.add(figure.subject());
                }
                if (!metrics.contains(figure.metric())) {
                    metrics.add(figure.metric());
                }
                cells.computeIfAbsent(figure.subject(), s -> new LinkedHashMap<>()).putIfAbsent(figure.metric(), figure);
            }
            return new FigureGrid(List.copyOf(subjects), List.copyOf(metrics), cells);
        }

        Optional<ClaimFigure> cell(String subject, String metric) {
            return Optional.ofNullable(cells.getOrDefault(subject, Map.of()).get(metric));
        }
    }

    /** One scenario: notes (folded), what was left out and why, tables, charts and series. */
    record Section(String key, String label, List<String> notes, List<String> omitted, List<MetricTable> tables, List<RenderedChart> charts,
            Map<String, Series> series) {
    }

    /** Rows of approaches, columns of metrics; {@code values} is approach → metric → value, cells may be absent. */
    record MetricTable(List<String> metrics, Map<String, String> units, List<String> approaches,
            Map<String, Map<String, MetricValue>> values) {
    }

    /** A comparison with a baseline: the counts, and the rows that moved first. */
    record ComparisonView(Comparison comparison, String summary, List<MetricComparison> moved, List<MetricComparison> rest) {
    }

    /** Provenance: seeds by config path, the config as JSON. */
    record RunDetails(Map<String, String> seeds, String configJson) {
    }

    static ReportModel of(Results results, ReportCharts.Rendered charts, Optional<Comparison> comparison) {
        List<Claim> claims = ClaimsTable.compute(results);
        TreeSet<String> keys = new TreeSet<>(ScenarioKey.ORDER);
        keys.addAll(results.scenarios().keySet());
        keys.addAll(results.series().keySet());
        keys.addAll(results.distributions().keySet());
        charts.details().forEach(chart -> keys.add(chart.scenario()));
        Map<String, List<String>> notesByScenario = new TreeMap<>();
        List<String> runNotes = new ArrayList<>();
        for (String note : results.notes()) {
            Optional<String> owner = keys.stream().filter(key -> note.startsWith(key + ": ")).findFirst();
            if (owner.isPresent()) {
                notesByScenario.computeIfAbsent(owner.get(), k -> new ArrayList<>()).add(note.substring(owner.get().length() + 2));
            } else {
                runNotes.add(note);
            }
        }
        if (!results.claims().isEmpty() && !sameVerdicts(results.claims(), claims)) {
            runNotes.add("The claims stored in results.json differ from the ones recomputed from its metrics by this build"
                    + " (the rules or thresholds changed since the run); this report shows the recomputed ones.");
        }
        List<Section> sections = new ArrayList<>();
        for (String key : keys) {
            Map<String, Map<String, MetricValue>> byApproach = results.scenarios().getOrDefault(key, Map.of());
            SortedSet<String> degenerate = RegimeCell.isMap(byApproach) ? new TreeSet<>() : Informative.degenerateMetrics(byApproach);
            List<String> omitted = new ArrayList<>();
            if (!degenerate.isEmpty()) {
                omitted.add("Not shown: " + String.join(", ", degenerate) + " — the same for every approach, exactly ("
                        + degenerateValues(byApproach, degenerate) + "), so they tell the approaches apart on nothing here.");
            }
            omitted.addAll(charts.omitted().getOrDefault(key, List.of()));
            Comparator<String> order = RegimeCell.isMap(byApproach) ? Comparator.naturalOrder() : ApproachNames.order(results);
            sections.add(new Section(key, ScenarioKey.parse(key).label(), notesByScenario.getOrDefault(key, List.of()), omitted,
                    tables(byApproach, degenerate, order), charts.details().stream().filter(c -> c.scenario().equals(key)).toList(),
                    results.series().getOrDefault(key, Map.of())));
        }
        return new ReportModel(results, identity(results), board(claims), headline(results), charts.headline(), evidence(claims), sections,
                runNotes, comparison.map(ReportModel::comparisonView), new RunDetails(seeds(results.config()), prettyJson(results.config())));
    }

    List<BoardRow> contradicted() {
        return board.stream().filter(row -> row.verdict() == Verdict.CONTRADICTED).toList();
    }

    /** Stored and recomputed claims agree when ids, verdicts and evidence do (older files carry no structured basis). */
    private static boolean sameVerdicts(List<Claim> stored, List<Claim> computed) {
        if (stored.size() != computed.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            Claim a = stored.get(i);
            Claim b = computed.get(i);
            if (!a.id().equals(b.id()) || a.verdict() != b.verdict() || !a.evidence().equals(b.evidence())) {
                return false;
            }
        }
        return true;
    }

    /** Suite, seed, commit, machine, data sets and world dynamics in one line. */
    static String identity(Results results) {
        JsonNode config = results.config();
        List<String> parts = new ArrayList<>();
        if (config.path("suite").isTextual()) {
            parts.add(config.path("suite").asText() + " suite");
        }
        if (config.path("seed").isValueNode()) {
            parts.add("seed " + config.path("seed").asText());
        }
        String sha = results.gitSha();
        parts.add("commit " + (sha.length() > 12 && sha.matches("[0-9a-f]+") ? sha.substring(0, 12) : sha));
        String machine = machine(results.environment());
        if (!machine.isEmpty()) {
            parts.add(machine);
        }
        List<String> datasets = new ArrayList<>();
        config.path("datasets").forEach(d -> datasets.add(d.asText()));
        results.datasetHashes().keySet().stream().filter(d -> !datasets.contains(d)).forEach(datasets::add);
        if (!datasets.isEmpty()) {
            parts.add("data: " + String.join(", ", datasets));
        }
        JsonNode world = config.path("synthetic");
        if (world.isObject()) {
            List<String> dynamics = new ArrayList<>();
            world.properties().forEach(e -> {
                if (e.getValue().isNumber()) {
                    dynamics.add(e.getKey().replace('_', ' ') + " " + Figures.threshold(e.getValue().asDouble()));
                }
            });
            if (!dynamics.isEmpty()) {
                parts.add("world: " + String.join(", ", dynamics));
            }
        }
        return String.join(" · ", parts);
    }

    /** The machine as the environment names it: CPU model (or OS) and cores. */
    private static String machine(Map<String, String> environment) {
        List<String> parts = new ArrayList<>();
        for (String key : List.of("cpu", "cpu_model", "os")) {
            if (environment.containsKey(key)) {
                parts.add(environment.get(key));
                break;
            }
        }
        for (String key : List.of("cores", "cpu_cores", "available_processors")) {
            if (environment.containsKey(key)) {
                parts.add(environment.get(key) + " cores");
                break;
            }
        }
        return String.join(", ", parts);
    }

    private static List<BoardRow> board(List<Claim> claims) {
        List<BoardRow> rows = new ArrayList<>();
        for (Claim claim : claims) {
            ClaimFigure deciding = claim.basis().deciding();
            String headline = firstClause(claim.statement());
            if (deciding == null) {
                String missing = claim.verdict() == Verdict.NOT_MEASURED ? claim.evidence() : "no deciding figure recorded";
                rows.add(new BoardRow(claim.id(), headline, claim.statement(), claim.verdict(), missing, "", "", claim.basis().why()));
            } else {
                String figure = Figures.figure(deciding) + (deciding.pValue() == null ? "" : ", " + Figures.pValue(deciding.pValue()));
                rows.add(new BoardRow(claim.id(), headline, claim.statement(), claim.verdict(), deciding.label(), figure,
                        deciding.opponent(), claim.basis().why()));
            }
        }
        return rows;
    }

    /** "Memory personalizes per user; fine-tuning ..." → "Memory personalizes per user". */
    static String firstClause(String statement) {
        int semicolon = statement.indexOf(';');
        String clause = semicolon > 0 ? statement.substring(0, semicolon) : statement;
        return clause.endsWith(".") ? clause.substring(0, clause.length() - 1) : clause;
    }

    private static List<ClaimEvidence> evidence(List<Claim> claims) {
        List<ClaimEvidence> evidence = new ArrayList<>();
        for (Claim claim : claims) {
            List<ClaimFigure> comparisons = claim.basis().figures().stream().filter(ClaimFigure::comparesApproaches).toList();
            List<ClaimFigure> plain = claim.basis().figures().stream().filter(f -> !f.comparesApproaches()).toList();
            evidence.add(new ClaimEvidence(claim.id(), claim.statement(), claim.verdict(), claim.rule(), claim.evidence(), comparisons,
                    FigureGrid.of(plain)));
        }
        return evidence;
    }

    /**
     * The headline table: accuracy on every data set, on minority answers, tokens per request, time to
     * adapt, revert agreement and projected cost, for every approach that measured one; controls as one line.
     */
    private static HeadlineTable headline(Results results) {
        List<HeadlineTable.Column> columns = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(ScenarioKey.ORDER);
        keys.addAll(results.scenarios().keySet());
        for (String key : keys) {
            if (ScenarioKey.parse(key).base().equals(ScenarioNames.GRANULARITY)) {
                columns.add(new HeadlineTable.Column(key, MetricNames.ACCURACY, "accuracy · " + ReportCharts.datasetLabel(results, key), true));
            }
        }
        first(results, keys, ScenarioNames.GRANULARITY, MetricNames.ACCURACY_MINORITY)
                .ifPresent(k -> columns.add(new HeadlineTable.Column(k, MetricNames.ACCURACY_MINORITY, "minority answers", true)));
        first(results, keys, ScenarioNames.COST, MetricNames.TOKENS_PER_REQUEST)
                .ifPresent(k -> columns.add(new HeadlineTable.Column(k, MetricNames.TOKENS_PER_REQUEST, "tokens / request", false)));
        first(results, keys, ScenarioNames.ADAPTATION, MetricNames.TIME_TO_ADAPT_MS)
                .ifPresent(k -> columns.add(new HeadlineTable.Column(k, MetricNames.TIME_TO_ADAPT_MS, "time to adapt, ms", false)));
        first(results, keys, ScenarioNames.REVERSIBILITY, MetricNames.REVERT_AGREEMENT)
                .ifPresent(k -> columns.add(new HeadlineTable.Column(k, MetricNames.REVERT_AGREEMENT, "revert agreement", true)));
        largestCost(results, keys).ifPresent(columns::add);
        Map<String, Map<String, MetricValue>> cells = new TreeMap<>();
        TreeSet<String> approaches = new TreeSet<>(ApproachNames.order(results));
        for (HeadlineTable.Column column : columns) {
            results.scenarios().getOrDefault(column.scenario(), Map.of()).forEach((approach, metrics) -> {
                MetricValue value = metrics.get(column.metric());
                // the table is about approaches: sub-conditions and controls live in the sections
                if (value != null && !approach.contains("/") && !ApproachNames.isControl(approach)
                        && !approach.equals(ApproachNames.ORACLE_CONTEXT)) {
                    cells.computeIfAbsent(approach, a -> new TreeMap<>()).put(column.key(), value);
                    approaches.add(approach);
                }
            });
        }
        List<String> controls = new ArrayList<>();
        for (HeadlineTable.Column column : columns) {
            if (!column.metric().equals(MetricNames.ACCURACY)) {
                continue;
            }
            for (String control : List.of(ApproachNames.CHANCE, ApproachNames.MAJORITY_CEILING, ApproachNames.OPTION_ONLY,
                    ApproachNames.ORACLE_CONTEXT)) {
                results.metric(column.scenario(), control, MetricNames.ACCURACY).ifPresent(v -> controls.add(control + " "
                        + Figures.number(v.value()) + " (" + ReportCharts.datasetLabel(results, column.scenario()) + ")"));
            }
        }
        return new HeadlineTable(columns, List.copyOf(approaches), cells, controls);
    }

    private static Optional<String> first(Results results, TreeSet<String> keys, String base, String metric) {
        return keys.stream().filter(k -> ScenarioKey.parse(k).base().equals(base))
                .filter(k -> results.scenarios().get(k).values().stream().anyMatch(m -> m.containsKey(metric))).findFirst();
    }

    /** Projected cost per user-month at the model size where it is largest for memory: where the choice matters most. */
    private static Optional<HeadlineTable.Column> largestCost(Results results, TreeSet<String> keys) {
        String prefix = MetricNames.usdPerUserMonth("");
        for (String key : keys) {
            if (!ScenarioKey.parse(key).base().equals(ScenarioNames.COST)) {
                continue;
            }
            Map<String, MetricValue> memory = results.scenarios().get(key).getOrDefault(ApproachNames.MEMORY, Map.of());
            Optional<Map.Entry<String, MetricValue>> largest = memory.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .max(Comparator.comparingDouble((Map.Entry<String, MetricValue> e) -> e.getValue().value()).thenComparing(Map.Entry::getKey));
            if (largest.isPresent()) {
                String metric = largest.get().getKey();
                return Optional.of(new HeadlineTable.Column(key, metric, "$ / user-month · " + metric.substring(prefix.length())
                        + " (projected)", false));
            }
        }
        return Optional.empty();
    }

    private static String degenerateValues(Map<String, Map<String, MetricValue>> byApproach, SortedSet<String> metrics) {
        List<String> parts = new ArrayList<>();
        for (String metric : metrics) {
            byApproach.values().stream().map(m -> m.get(metric)).filter(java.util.Objects::nonNull).findFirst()
                    .ifPresent(v -> parts.add(metric + " = " + Figures.number(v.value())));
        }
        return String.join(", ", parts);
    }

    private static List<MetricTable> tables(Map<String, Map<String, MetricValue>> byApproach, SortedSet<String> degenerate,
            Comparator<String> order) {
        TreeSet<String> metrics = new TreeSet<>(MetricNames.ORDER);
        byApproach.values().forEach(m -> metrics.addAll(m.keySet()));
        metrics.removeAll(degenerate);
        List<String> approaches = byApproach.keySet().stream().sorted(order).toList();
        List<String> ordered = new ArrayList<>(metrics);
        List<MetricTable> tables = new ArrayList<>();
        for (int from = 0; from < ordered.size(); from += METRIC_COLUMNS_PER_TABLE) {
            List<String> columns = ordered.subList(from, Math.min(ordered.size(), from + METRIC_COLUMNS_PER_TABLE));
            Map<String, String> units = new LinkedHashMap<>();
            for (String metric : columns) {
                byApproach.values().stream().filter(m -> m.containsKey(metric)).findFirst()
                        .ifPresent(m -> units.put(metric, m.get(metric).unit()));
            }
            List<String> rows = approaches.stream()
                    .filter(a -> columns.stream().anyMatch(byApproach.get(a)::containsKey))
                    .toList();
            tables.add(new MetricTable(List.copyOf(columns), units, rows, byApproach));
        }
        return tables;
    }

    private static ComparisonView comparisonView(Comparison comparison) {
        List<MetricComparison> moved = comparison.metrics().stream()
                .filter(m -> m.change() == Change.REGRESSION || m.change() == Change.IMPROVEMENT).toList();
        List<MetricComparison> rest = comparison.metrics().stream()
                .filter(m -> m.change() != Change.REGRESSION && m.change() != Change.IMPROVEMENT).toList();
        return new ComparisonView(comparison, ComparisonMarkdown.summary(comparison), moved, rest);
    }

    /** Every config field whose name mentions a seed, by its dotted path. */
    private static Map<String, String> seeds(JsonNode config) {
        Map<String, String> seeds = new LinkedHashMap<>();
        collectSeeds(config, "", seeds);
        return seeds;
    }

    private static void collectSeeds(JsonNode node, String path, Map<String, String> seeds) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                String child = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                if (entry.getValue().isValueNode() && entry.getKey().toLowerCase(Locale.US).contains("seed")) {
                    seeds.put(child, entry.getValue().asText());
                } else {
                    collectSeeds(entry.getValue(), child, seeds);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectSeeds(node.get(i), path + "[" + i + "]", seeds);
            }
        }
    }

    private static String prettyJson(JsonNode config) {
        try {
            return ResultsIo.mapper().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print the config", e);
        }
    }
}
