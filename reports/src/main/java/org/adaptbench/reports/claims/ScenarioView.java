package org.adaptbench.reports.claims;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ScenarioKey;

/** The metrics of one data set of a run, looked up by base scenario name. */
record ScenarioView(Results results, String dataset) {

    Optional<MetricValue> metric(String scenario, String approach, String metric) {
        return results.metric(key(scenario), approach, metric);
    }

    /** Approaches of {@code scenario} that measured {@code metric}, in reading order. */
    List<String> approachesWith(String scenario, String metric) {
        Map<String, Map<String, MetricValue>> byApproach = results.scenarios().getOrDefault(key(scenario), Map.of());
        return byApproach.entrySet().stream()
                .filter(entry -> entry.getValue().containsKey(metric))
                .map(Map.Entry::getKey)
                .sorted(ApproachNames.order(results))
                .toList();
    }

    /** Every approach of {@code scenario}, in reading order. */
    List<String> approaches(String scenario) {
        return results.scenarios().getOrDefault(key(scenario), Map.of()).keySet().stream().sorted(ApproachNames.order(results)).toList();
    }

    /** Metric names of {@code scenario} and {@code approach} that start with {@code prefix}, sorted. */
    List<String> metricsStartingWith(String scenario, String approach, String prefix) {
        return results.scenarios().getOrDefault(key(scenario), Map.of()).getOrDefault(approach, Map.of()).keySet().stream()
                .filter(name -> name.startsWith(prefix))
                .sorted()
                .toList();
    }

    String key(String scenario) {
        return new ScenarioKey(scenario, dataset).key();
    }
}
