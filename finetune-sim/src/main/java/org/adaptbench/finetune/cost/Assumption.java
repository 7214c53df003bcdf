package org.adaptbench.finetune.cost;

import java.util.Objects;

/**
 * A number the cost projection rests on, with where it comes from.
 *
 * @param value the number, finite and not negative
 * @param source where it comes from; prices and workload figures say "ASSUMPTION" and their date
 */
public record Assumption(double value, String source) {

    public Assumption {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("assumption must be finite and not negative, got " + value + " (" + source + ")");
        }
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            throw new IllegalArgumentException("assumption " + value + " has no source");
        }
    }

    /** The same source with another value, e.g. a measured figure replacing an assumed one. */
    public Assumption withValue(double newValue, String newSource) {
        return new Assumption(newValue, newSource);
    }
}
