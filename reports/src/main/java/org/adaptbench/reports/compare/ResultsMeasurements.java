package org.adaptbench.reports.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.adaptbench.reports.results.ConfigDiff;
import org.adaptbench.reports.results.Machine;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.Sample;

/**
 * The metrics of an AdaptBench run as measurements named {@code scenario/approach/metric}, each with
 * the raw samples behind it when {@code samples.jsonl} holds them.
 *
 * <p>Samples are matched to a metric by scenario key, approach name and variant: {@code latency_*}
 * metrics take the requests' latencies, {@code tokens_per_request} their added tokens,
 * {@code accuracy} the per-user accuracies (resampling unit: the user); a swept metric
 * {@code accuracy_<v>} or {@code tokens_<v>} takes the samples whose variant is {@code <v>}.
 */
final class ResultsMeasurements {

    private static final String LATENCY_PREFIX = "latency_";
    private static final String ACCURACY = MetricNames.ACCURACY;
    private static final String TOKENS_PER_REQUEST = MetricNames.TOKENS_PER_REQUEST;
    private static final String TOKENS_PREFIX = MetricNames.tokensAt("");

    private ResultsMeasurements() {
    }

    static MeasurementSet of(String source, Results results, List<Sample> samples) {
        Map<String, List<Sample>> groups = new HashMap<>();
        for (Sample sample : samples) {
            groups.computeIfAbsent(groupKey(sample.scenario(), sample.approach(), sample.variant()), k -> new ArrayList<>()).add(sample);
        }
        Map<String, Measurement> measurements = new TreeMap<>();
        Map<String, SortedMap<String, Integer>> items = new TreeMap<>();
        results.scenarios().forEach((scenario, byApproach) -> byApproach.forEach((approach, metrics) -> metrics.forEach((metric, value) -> {
            String name = scenario + "/" + approach + "/" + metric;
            measurements.put(name, measurement(name, value, samplesFor(groups, scenario, approach, metric)));
            accuracySamples(groups, scenario, approach, metric).ifPresent(scored -> items.put(name, outcomes(scored)));
        })));
        Map<String, String> settings = new TreeMap<>(ConfigDiff.flatten(results.config(), "config"));
        results.datasetHashes().forEach((dataset, hash) -> settings.put("dataset_hashes." + dataset, hash));
        return new MeasurementSet(source, MeasurementSet.RESULTS, measurements, settings, items, Machine.identity(results.environment()));
    }

    /** The scored samples behind an accuracy metric (plain or swept), if it is one and the run wrote them. */
    private static Optional<List<Sample>> accuracySamples(Map<String, List<Sample>> groups, String scenario, String approach, String metric) {
        if (metric.equals(ACCURACY)) {
            return Optional.ofNullable(groups.get(groupKey(scenario, approach, "")));
        }
        if (metric.startsWith(ACCURACY + "_")) {
            return Optional.ofNullable(groups.get(groupKey(scenario, approach, metric.substring(ACCURACY.length() + 1))));
        }
        return Optional.empty();
    }

    /** Each scored item (user, query, and which time it was asked, in sample order) with its outcome. */
    private static SortedMap<String, Integer> outcomes(List<Sample> samples) {
        SortedMap<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> asked = new HashMap<>();
        for (Sample sample : samples) {
            String item = sample.userId() + "\u0000" + sample.queryId();
            int occurrence = asked.merge(item, 1, Integer::sum);
            outcomes.put(item + "\u0000" + occurrence, sample.correct() ? 1 : 0);
        }
        return outcomes;
    }

    private static Measurement measurement(String name, MetricValue value, double[] samples) {
        return new Measurement(name, value.unit(), value.higherIsBetter(), value.value(), value.ciLow(), value.ciHigh(), true,
                value.n(), samples);
    }

    private static double[] samplesFor(Map<String, List<Sample>> groups, String scenario, String approach, String metric) {
        if (metric.startsWith(LATENCY_PREFIX)) {
            return groups.getOrDefault(groupKey(scenario, approach, ""), List.of()).stream().mapToDouble(Sample::latencyMs).toArray();
        }
        if (metric.equals(TOKENS_PER_REQUEST)) {
            return tokens(groups.getOrDefault(groupKey(scenario, approach, ""), List.of()));
        }
        if (metric.equals(ACCURACY)) {
            return perUserAccuracy(groups.getOrDefault(groupKey(scenario, approach, ""), List.of()));
        }
        if (metric.startsWith(ACCURACY + "_")) {
            List<Sample> swept = groups.get(groupKey(scenario, approach, metric.substring(ACCURACY.length() + 1)));
            return swept == null ? new double[0] : perUserAccuracy(swept);
        }
        if (metric.startsWith(TOKENS_PREFIX)) {
            List<Sample> swept = groups.get(groupKey(scenario, approach, metric.substring(TOKENS_PREFIX.length())));
            return swept == null ? new double[0] : tokens(swept);
        }
        return new double[0];
    }

    private static double[] tokens(List<Sample> samples) {
        return samples.stream().mapToDouble(Sample::tokensAdded).toArray();
    }

    /** One value per user, in user order, as the accuracy metric is defined (mean of per-user accuracies). */
    private static double[] perUserAccuracy(List<Sample> samples) {
        return Sample.perUserAccuracy(samples).values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String groupKey(String scenario, String approach, String variant) {
        return scenario + "\u0000" + approach + "\u0000" + variant;
    }
}
