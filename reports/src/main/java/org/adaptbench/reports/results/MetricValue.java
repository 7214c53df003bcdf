package org.adaptbench.reports.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One measured figure with its uncertainty: the unit every scenario writes and CI compares.
 *
 * @param value the point estimate
 * @param ciLow lower end of the 95% confidence interval (equal to value when n is 1)
 * @param ciHigh upper end of the 95% confidence interval
 * @param n how many independent units (users, requests, runs) the figure is computed over
 * @param unit one of {@link Units}: "fraction", "ms", "tokens", "bytes", "seconds", "usd", ...
 * @param higherIsBetter the direction of improvement, which {@code compare} needs
 * @param items how many distinct items (questions with their options) the figure is computed over,
 *     0 where items do not apply (bytes, latencies) or were not counted
 * @param interval how the interval was computed, one of {@link Intervals}
 * @param pValue for a paired difference, the two-sided p-value of "no difference" from the same
 *     resampling as the interval (null for any other figure, and then absent from results.json); the
 *     claims adjust these for multiplicity
 */
public record MetricValue(double value, double ciLow, double ciHigh, long n, String unit, boolean higherIsBetter, long items,
        String interval, @JsonInclude(JsonInclude.Include.NON_NULL) Double pValue) {

    public MetricValue {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(interval, "interval");
        if (pValue != null && !(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("a p-value lies in [0, 1], was " + pValue);
        }
        if (items < 0) {
            throw new IllegalArgumentException("items must not be negative, was " + items);
        }
        if (!Double.isFinite(value) || !Double.isFinite(ciLow) || !Double.isFinite(ciHigh)) {
            throw new IllegalArgumentException("metric values must be finite: " + value + " [" + ciLow + ", " + ciHigh + "]");
        }
        if (ciLow > value + 1e-9 * Math.abs(value) || ciHigh < value - 1e-9 * Math.abs(value)) {
            throw new IllegalArgumentException("confidence interval [" + ciLow + ", " + ciHigh + "] does not contain " + value);
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
    }

    /** A figure with a percentile-bootstrap interval over its {@code n} units and no item count. */
    public MetricValue(double value, double ciLow, double ciHigh, long n, String unit, boolean higherIsBetter) {
        this(value, ciLow, ciHigh, n, unit, higherIsBetter, 0, Intervals.BOOTSTRAP, null);
    }

    /** A figure that is no test of a difference. */
    public MetricValue(double value, double ciLow, double ciHigh, long n, String unit, boolean higherIsBetter, long items,
            String interval) {
        this(value, ciLow, ciHigh, n, unit, higherIsBetter, items, interval, null);
    }

    /** A figure measured once, with no spread (a byte count, a configured constant). */
    public static MetricValue exact(double value, long n, String unit, boolean higherIsBetter) {
        return new MetricValue(value, value, value, n, unit, higherIsBetter, 0, Intervals.EXACT);
    }

    /** A figure projected from assumptions: its interval is the range between the assumptions' low and high ends. */
    public static MetricValue projected(double value, double low, double high, String unit, boolean higherIsBetter) {
        return new MetricValue(value, Math.min(low, value), Math.max(high, value), 1, unit, higherIsBetter, 0, Intervals.PROJECTED);
    }

    /** The same figure, computed over {@code count} distinct items. */
    public MetricValue withItems(long count) {
        return new MetricValue(value, ciLow, ciHigh, n, unit, higherIsBetter, count, interval, pValue);
    }

    /** The same difference with its p-value. */
    public MetricValue withPValue(Double p) {
        return new MetricValue(value, ciLow, ciHigh, n, unit, higherIsBetter, items, interval, p);
    }

    /** Whether this figure is a tested difference (it has a p-value). */
    public boolean tested() {
        return pValue != null;
    }

    /** Whether the interval has any width: a zero-width bootstrap interval is no certainty. */
    public boolean degenerate() {
        return ciHigh - ciLow <= 0;
    }
}
