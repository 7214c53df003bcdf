package org.adaptbench.harness.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.Sample;
import org.adaptbench.reports.results.Units;

/** The figures of a run that two runs of one seed on one machine must share, and how two runs' figures differ. */
final class RunFigures {

    private RunFigures() {
    }

    /** Every figure of a run that does not measure time, by scenario/approach/name, with its value, interval, n and unit. */
    static Map<String, String> of(Results results) {
        Map<String, String> figures = new TreeMap<>();
        results.scenarios().forEach((scenario, byApproach) -> byApproach.forEach((approach, metrics) -> {
            for (Map.Entry<String, MetricValue> metric : metrics.entrySet()) {
                MetricValue value = metric.getValue();
                if (!measuresTime(value.unit())) {
                    figures.put(scenario + "/" + approach + "/" + metric.getKey(),
                            value.value() + " [" + value.ciLow() + ", " + value.ciHigh() + "] n=" + value.n() + " " + value.unit());
                }
            }
        }));
        results.series().forEach((scenario, byName) -> byName.forEach((name, series) -> {
            if (!measuresTime(series.yLabel())) {
                series.lines().forEach((line, points) -> figures.put("series " + scenario + "/" + name + "/" + line, points.toString()));
            }
        }));
        results.distributions().forEach((scenario, byApproach) -> byApproach.forEach((approach, byName) -> byName.forEach(
                (name, values) -> figures.put("distribution " + scenario + "/" + approach + "/" + name, values.toString()))));
        return figures;
    }

    /** One line per figure that differs or is in one run only, in key order. */
    static List<String> differences(Map<String, String> first, Map<String, String> second) {
        List<String> differ = new ArrayList<>();
        for (String key : new TreeSet<>(first.keySet())) {
            if (!first.get(key).equals(second.get(key))) {
                differ.add(key + ": " + first.get(key) + " -> " + (second.containsKey(key) ? second.get(key) : "only in the first run"));
            }
        }
        new TreeSet<>(second.keySet()).stream().filter(key -> !first.containsKey(key)).forEach(key -> differ.add(key + ": only in the second run"));
        return differ;
    }

    /** What each sample chose and whether it was right, with the tokens it added: everything but its latency. */
    static List<String> choices(List<Sample> samples) {
        return samples.stream().map(s -> String.join("|", s.scenario(), s.approach(), s.variant(), s.userId(), s.queryId(),
                Boolean.toString(s.correct()), Integer.toString(s.chosen()), Integer.toString(s.tokensAdded()))).toList();
    }

    /** A figure that times something: two runs agree on these only as far as the machine's clock does. */
    static boolean measuresTime(String unitOrLabel) {
        return unitOrLabel.equals(Units.MS) || unitOrLabel.equals(Units.SECONDS) || unitOrLabel.contains("(ms)")
                || unitOrLabel.contains("seconds");
    }
}
