package org.adaptbench.reports.results;

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
 */
public record MetricValue(double value, double ciLow, double ciHigh, long n, String unit, boolean higherIsBetter) {

    public MetricValue {
        Objects.requireNonNull(unit, "unit");
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

    /** A figure measured once, with no spread (a byte count, a configured constant). */
    public static MetricValue exact(double value, long n, String unit, boolean higherIsBetter) {
        return new MetricValue(value, value, value, n, unit, higherIsBetter);
    }
}
