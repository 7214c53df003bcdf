package org.adaptbench.finetune.cost;

import java.util.Objects;

/**
 * A number the cost projection rests on, with where it comes from and the range it could plausibly
 * take, so a verdict resting on it can be checked at both ends.
 *
 * @param value the number, finite and not negative
 * @param low the low end of its plausible range (the value itself when none is given)
 * @param high the high end of its plausible range (the value itself when none is given)
 * @param source where it comes from, range included; prices and workload figures say "ASSUMPTION" and their date
 */
public record Assumption(double value, double low, double high, String source) {

    public Assumption {
        Objects.requireNonNull(source, "source");
        for (double number : new double[] {value, low, high}) {
            if (!Double.isFinite(number) || number < 0) {
                throw new IllegalArgumentException("assumption must be finite and not negative, got " + number + " (" + source + ")");
            }
        }
        if (low > value || high < value) {
            throw new IllegalArgumentException("assumption " + value + " lies outside its range [" + low + ", " + high + "] (" + source + ")");
        }
        if (source.isBlank()) {
            throw new IllegalArgumentException("assumption " + value + " has no source");
        }
    }

    /** An assumption stated without a range. */
    public Assumption(double value, String source) {
        this(value, value, value, source);
    }

    /** Whether the assumption has a range to test a verdict against. */
    public boolean ranged() {
        return low < high;
    }

    /** The same source with another value, e.g. a measured figure replacing an assumed one. */
    public Assumption withValue(double newValue, String newSource) {
        return new Assumption(newValue, newSource);
    }
}
