package org.adaptbench.reports.chart;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;

/**
 * What can inform a reader and what cannot: metrics that come out the same, exactly, for every
 * approach on a data set (p10 user and worst group when each user has one question), and
 * distributions with fewer than two distinct values or only 0s and 1s (one query per user). The
 * tables and the charts drop the same things, and the report says so in one line.
 */
public final class Informative {

    private Informative() {
    }

    /**
     * Metrics of one scenario that at least two approaches measured and that are equal and exact
     * (zero-width interval) for every one of them: true, and useless as a comparison.
     */
    public static SortedSet<String> degenerateMetrics(Map<String, Map<String, MetricValue>> byApproach) {
        SortedSet<String> all = new TreeSet<>(MetricNames.ORDER);
        byApproach.values().forEach(metrics -> all.addAll(metrics.keySet()));
        SortedSet<String> degenerate = new TreeSet<>(MetricNames.ORDER);
        for (String metric : all) {
            List<MetricValue> values = byApproach.values().stream().map(m -> m.get(metric)).filter(java.util.Objects::nonNull).toList();
            boolean same = values.size() >= 2 && values.stream().allMatch(v -> v.ciLow() == v.value() && v.ciHigh() == v.value()
                    && v.value() == values.get(0).value());
            if (same) {
                degenerate.add(metric);
            }
        }
        return degenerate;
    }

    /**
     * Whether two or more figures are the same estimate with the same interval (retrieval ablations that
     * change nothing on a data set): a chart of them shows one dot repeated.
     */
    public static boolean alike(Collection<MetricValue> values) {
        MetricValue first = values.stream().findFirst().orElse(null);
        return values.size() >= 2 && values.stream().allMatch(v -> v.value() == first.value() && v.ciLow() == first.ciLow()
                && v.ciHigh() == first.ciHigh());
    }

    /** Whether a distribution can show a spread: at least two distinct values. */
    public static boolean hasSpread(Collection<Double> values) {
        return values.stream().distinct().limit(2).count() >= 2;
    }

    /**
     * Whether every value is 0 or 1: per-user accuracies of users with a single query each, whose box
     * plot is two bars at the ends whatever the approach.
     */
    public static boolean zeroOrOne(Collection<Double> values) {
        return !values.isEmpty() && values.stream().allMatch(v -> v == 0.0 || v == 1.0);
    }
}
