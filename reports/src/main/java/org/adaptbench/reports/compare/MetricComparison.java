package org.adaptbench.reports.compare;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One metric in both inputs (or in one of them) and what changed.
 *
 * @param name the metric's name
 * @param unit its unit (the current side's when both have one)
 * @param higherIsBetter its direction (the current side's when both have one)
 * @param baseline the baseline figure, absent when the metric was added
 * @param current the current figure, absent when the metric was removed
 * @param relativeChange (current − baseline) / |baseline|; absent when undefined (a side missing, or 0 → non-zero)
 * @param change the verdict
 * @param statistics how the verdict was reached, for people ("Mann-Whitney U p=0.0003; 95% intervals apart")
 */
public record MetricComparison(String name, String unit, boolean higherIsBetter, Optional<Measurement> baseline,
        Optional<Measurement> current, OptionalDouble relativeChange, Change change, String statistics) {

    public MetricComparison {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(relativeChange, "relativeChange");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(statistics, "statistics");
    }
}
