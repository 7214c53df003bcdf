package org.adaptbench.reports.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.adaptbench.reports.chart.RenderedChart;
import org.adaptbench.reports.claims.ClaimsTable;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.Claim;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ResultsIo;
import org.adaptbench.reports.results.ScenarioKey;
import org.adaptbench.reports.results.Series;
import org.adaptbench.reports.results.Verdict;

/**
 * What both report formats show, worked out once: recomputed claims, one section per scenario with
 * its metric tables, charts and series data, and the run's provenance.
 */
record ReportModel(
        Results results,
        List<Claim> claims,
        List<String> notes,
        List<Section> sections,
        Map<String, String> seeds,
        String configJson) {

    /** Metric tables are split so that no table has more than this many metric columns. */
    static final int METRIC_COLUMNS_PER_TABLE = 4;

    /** One scenario: its tables (approach rows, metric columns), charts and series. */
    record Section(String key, String label, List<MetricTable> tables, List<RenderedChart> charts, Map<String, Series> series) {
    }

    /** Rows of approaches, columns of metrics; {@code values} is approach → metric → value, cells may be absent. */
    record MetricTable(List<String> metrics, Map<String, String> units, List<String> approaches,
            Map<String, Map<String, MetricValue>> values) {
    }

    static ReportModel of(Results results, List<RenderedChart> charts) {
        List<Claim> claims = ClaimsTable.compute(results);
        List<String> notes = new ArrayList<>(results.notes());
        if (!results.claims().isEmpty() && !results.claims().equals(claims)) {
            notes.add("The claims stored in results.json differ from the ones recomputed from its metrics by this build"
                    + " (the rules or thresholds changed since the run); this report shows the recomputed ones.");
        }
        TreeSet<String> keys = new TreeSet<>(ScenarioKey.ORDER);
        keys.addAll(results.scenarios().keySet());
        keys.addAll(results.series().keySet());
        keys.addAll(results.distributions().keySet());
        charts.forEach(chart -> keys.add(chart.scenario()));
        List<Section> sections = new ArrayList<>();
        for (String key : keys) {
            List<RenderedChart> own = charts.stream().filter(c -> c.scenario().equals(key)).toList();
            sections.add(new Section(key, ScenarioKey.parse(key).label(), tables(results.scenarios().getOrDefault(key, Map.of())),
                    own, results.series().getOrDefault(key, Map.of())));
        }
        return new ReportModel(results, claims, notes, sections, seeds(results.config()), prettyJson(results.config()));
    }

    List<Claim> contradicted() {
        return claims.stream().filter(c -> c.verdict() == Verdict.CONTRADICTED).toList();
    }

    private static List<MetricTable> tables(Map<String, Map<String, MetricValue>> byApproach) {
        TreeSet<String> metrics = new TreeSet<>(MetricNames.ORDER);
        byApproach.values().forEach(m -> metrics.addAll(m.keySet()));
        List<String> approaches = byApproach.keySet().stream().sorted(ApproachNames.ORDER).toList();
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
                if (entry.getValue().isValueNode() && entry.getKey().toLowerCase(java.util.Locale.US).contains("seed")) {
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
