package org.adaptbench.harness.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Sample;
import org.adaptbench.reports.results.Series;

/**
 * What one scenario contributes to the results for one workload; filled while the scenario runs.
 *
 * <p>Metrics are keyed approach → metric, series by chart name, distributions approach → name.
 */
public final class ScenarioOutput {

    private final Map<String, Map<String, MetricValue>> metrics = new TreeMap<>();
    private final Map<String, Series> series = new TreeMap<>();
    private final Map<String, Map<String, List<Double>>> distributions = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();

    public void metric(String approach, String metric, MetricValue value) {
        metrics.computeIfAbsent(approach, a -> new TreeMap<>()).put(metric, value);
    }

    public void metrics(String approach, Map<String, MetricValue> values) {
        values.forEach((metric, value) -> metric(approach, metric, value));
    }

    public void series(String chart, Series value) {
        series.put(chart, value);
    }

    public void distribution(String approach, String name, List<Double> values) {
        distributions.computeIfAbsent(approach, a -> new TreeMap<>()).put(name, List.copyOf(values));
    }

    public void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    public void samples(List<Sample> values) {
        samples.addAll(values);
    }

    public Map<String, Map<String, MetricValue>> metrics() {
        return metrics;
    }

    public Map<String, Series> series() {
        return series;
    }

    public Map<String, Map<String, List<Double>>> distributions() {
        return distributions;
    }

    public List<String> notes() {
        return notes;
    }

    public List<Sample> samples() {
        return samples;
    }
}
