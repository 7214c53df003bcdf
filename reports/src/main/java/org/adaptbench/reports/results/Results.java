package org.adaptbench.reports.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The content of {@code results.json}: everything a report or a comparison needs from a run.
 *
 * <p>Every map is copied into an unmodifiable sorted map, so iteration order (and output) is stable.
 *
 * @param schemaVersion {@link #CURRENT_SCHEMA_VERSION} when written by this build
 * @param runId identifier of the run (derived from config and seed, so reruns compare)
 * @param config the resolved configuration, every seed included
 * @param gitSha commit of the code that produced the run ("unknown" outside a checkout)
 * @param datasetHashes data set name → content hash
 * @param environment JVM, OS, cores, library versions
 * @param claims the claims table, verdicts computed from the metrics
 * @param scenarios scenario → approach → metric → value
 * @param series scenario → chart name → lines, for the charts that need more than one number
 * @param distributions scenario → approach → distribution name → values (per-user accuracies, ...)
 * @param notes statements the report must show beside the numbers (controls, caveats, exclusions)
 * @param approaches the approaches of the run's registry with their capabilities, in reading order
 *     (empty in files written before the registry listed them)
 */
public record Results(
        int schemaVersion,
        String runId,
        JsonNode config,
        String gitSha,
        Map<String, String> datasetHashes,
        Map<String, String> environment,
        List<Claim> claims,
        Map<String, Map<String, Map<String, MetricValue>>> scenarios,
        Map<String, Map<String, Series>> series,
        Map<String, Map<String, Map<String, List<Double>>>> distributions,
        List<String> notes,
        List<ApproachInfo> approaches) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    public Results {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(gitSha, "gitSha");
        datasetHashes = Collections.unmodifiableSortedMap(new TreeMap<>(datasetHashes));
        environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
        claims = List.copyOf(claims);
        scenarios = deepCopy3(scenarios);
        series = deepCopy2(series);
        distributions = deepCopy3(distributions);
        notes = List.copyOf(notes);
        approaches = approaches == null ? List.of() : List.copyOf(approaches);
    }

    /** Results that do not list their approaches (files and fixtures from before the registry listed them). */
    public Results(int schemaVersion, String runId, JsonNode config, String gitSha, Map<String, String> datasetHashes,
            Map<String, String> environment, List<Claim> claims, Map<String, Map<String, Map<String, MetricValue>>> scenarios,
            Map<String, Map<String, Series>> series, Map<String, Map<String, Map<String, List<Double>>>> distributions,
            List<String> notes) {
        this(schemaVersion, runId, config, gitSha, datasetHashes, environment, claims, scenarios, series, distributions, notes, List.of());
    }

    /** The same results listing the run's approaches. */
    public Results withApproaches(List<ApproachInfo> newApproaches) {
        return new Results(schemaVersion, runId, config, gitSha, datasetHashes, environment, claims,
                scenarios, series, distributions, notes, newApproaches);
    }

    /** The metric, if the run measured it. */
    public java.util.Optional<MetricValue> metric(String scenario, String approach, String metric) {
        return java.util.Optional.ofNullable(scenarios.getOrDefault(scenario, Map.of())
                .getOrDefault(approach, Map.of())
                .get(metric));
    }

    /** What the run's registry declared about {@code name} (a sub-condition counts as its approach), if it listed it. */
    public java.util.Optional<ApproachInfo> approach(String name) {
        String base = ApproachNames.base(name);
        return approaches.stream().filter(info -> info.name().equals(base)).findFirst();
    }

    /** The same results with the claims replaced (claims are computed from the metrics after a run). */
    public Results withClaims(List<Claim> newClaims) {
        return new Results(schemaVersion, runId, config, gitSha, datasetHashes, environment, newClaims,
                scenarios, series, distributions, notes, approaches);
    }

    private static <V> Map<String, Map<String, V>> deepCopy2(Map<String, ? extends Map<String, V>> source) {
        TreeMap<String, Map<String, V>> copy = new TreeMap<>();
        source.forEach((key, inner) -> copy.put(key, Collections.unmodifiableSortedMap(new TreeMap<>(inner))));
        return Collections.unmodifiableSortedMap(copy);
    }

    private static <V> Map<String, Map<String, Map<String, V>>> deepCopy3(
            Map<String, ? extends Map<String, ? extends Map<String, V>>> source) {
        TreeMap<String, Map<String, Map<String, V>>> copy = new TreeMap<>();
        source.forEach((key, inner) -> copy.put(key, deepCopy2(inner)));
        return Collections.unmodifiableSortedMap(copy);
    }
}
