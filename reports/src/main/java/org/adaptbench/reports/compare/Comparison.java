package org.adaptbench.reports.compare;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@code adaptbench compare}: every metric's verdict plus warnings about the inputs.
 *
 * @param baseline the baseline path as given
 * @param current the current path as given
 * @param kind what was compared ({@link MeasurementSet#RESULTS} or {@link MeasurementSet#JMH})
 * @param thresholdPercent the relative change below which nothing counts
 * @param metrics one entry per metric name in either input, regressions first
 * @param warnings mismatched configs, units or directions, unusable scores
 * @param gate the classes of figures that can fail the comparison
 */
public record Comparison(String baseline, String current, String kind, double thresholdPercent, List<MetricComparison> metrics,
        List<String> warnings, Gate gate) {

    public Comparison {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(kind, "kind");
        metrics = List.copyOf(metrics);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(gate, "gate");
    }

    public boolean hasRegression() {
        return count(Change.REGRESSION) > 0;
    }

    public long count(Change change) {
        return metrics.stream().filter(m -> m.change() == change).count();
    }
}
