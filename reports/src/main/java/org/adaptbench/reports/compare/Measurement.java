package org.adaptbench.reports.compare;

import java.util.Arrays;
import java.util.Objects;

/**
 * One figure as {@code compare} sees it, whichever file it came from: a results metric or a JMH score.
 *
 * @param name unique within its input ({@code latency/memory/latency_p50_ms}, {@code org.x.Bench.run{k=5}:avgt})
 * @param unit unit as written in the input
 * @param higherIsBetter the direction of improvement
 * @param value the point estimate
 * @param ciLow lower end of the interval (equal to value when the interval is unknown)
 * @param ciHigh upper end of the interval
 * @param intervalKnown false when the input gave no usable interval (a JMH run with one iteration)
 * @param n number of units behind the figure
 * @param samples the raw per-unit data (latencies, per-user accuracies, JMH iteration scores); may be empty
 */
public record Measurement(String name, String unit, boolean higherIsBetter, double value, double ciLow, double ciHigh,
        boolean intervalKnown, long n, double[] samples) {

    public Measurement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(value) || !Double.isFinite(ciLow) || !Double.isFinite(ciHigh)) {
            throw new IllegalArgumentException(name + ": values must be finite");
        }
        samples = samples.clone();
    }

    /** Whether the interval is a single point: a figure measured exactly (a byte count, a configured constant). */
    public boolean exact() {
        return intervalKnown && ciLow == value && ciHigh == value;
    }

    @Override
    public double[] samples() {
        return samples.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Measurement that && name.equals(that.name) && unit.equals(that.unit)
                && higherIsBetter == that.higherIsBetter && Double.compare(value, that.value) == 0
                && Double.compare(ciLow, that.ciLow) == 0 && Double.compare(ciHigh, that.ciHigh) == 0
                && intervalKnown == that.intervalKnown && n == that.n && Arrays.equals(samples, that.samples);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, unit, higherIsBetter, value, ciLow, ciHigh, intervalKnown, n, Arrays.hashCode(samples));
    }

    @Override
    public String toString() {
        return "Measurement[" + name + " = " + value + " " + unit + " [" + ciLow + ", " + ciHigh + "] n=" + n
                + ", " + samples.length + " samples]";
    }
}
