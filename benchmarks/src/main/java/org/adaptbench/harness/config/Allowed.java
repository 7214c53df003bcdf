package org.adaptbench.harness.config;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.adaptbench.harness.usage.UsageException;

/**
 * The allowed values of configuration entries, checked where {@link RunConfig}'s sections are bound:
 * each failure names the entry's path in {@code suites.json} (the path {@code --set} takes), the value
 * and what is allowed, so a bad value ends the run before anything is written.
 */
public final class Allowed {

    private Allowed() {
    }

    /** {@code value} within {@code [min, max]}. */
    public static int range(String path, int value, int min, int max) {
        if (value < min || value > max) {
            throw refused(path, Integer.toString(value), "an integer from " + min + " to " + max);
        }
        return value;
    }

    /** {@code value} within {@code [min, max]}, finite. */
    public static double range(String path, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw refused(path, number(value), "a number from " + number(min) + " to " + number(max));
        }
        return value;
    }

    /** {@code value} within {@code [min, max)}: fractions that must leave something over. */
    public static double rangeBelow(String path, double value, double min, double max) {
        if (!(value >= min && value < max)) {
            throw refused(path, number(value), "a number from " + number(min) + " up to but not including " + number(max));
        }
        return value;
    }

    /** {@code value} above 0 and at most {@code max}. */
    public static double positive(String path, double value, double max) {
        if (!(value > 0 && value <= max)) {
            throw refused(path, number(value), "a number above 0 and at most " + number(max));
        }
        return value;
    }

    /** A list with at least one element, none of them blank or repeated. */
    public static List<String> names(String path, List<String> values) {
        if (values == null || values.isEmpty()) {
            throw refused(path, "[]", "a list of at least one name");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || values.get(i).isBlank()) {
                throw refused(path + "[" + i + "]", "\"" + (values.get(i) == null ? "" : values.get(i)) + "\"", "a non-blank name");
            }
        }
        distinct(path, values.stream().map(String::trim).toList());
        return values;
    }

    /** A list of integers, each within {@code [min, max]}, none repeated; at least one when {@code nonEmpty}. */
    public static List<Integer> integers(String path, List<Integer> values, int min, int max, boolean nonEmpty) {
        if (values == null || nonEmpty && values.isEmpty()) {
            throw refused(path, "[]", "a list of at least one integer from " + min + " to " + max);
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw refused(path + "[" + i + "]", "null", "an integer from " + min + " to " + max);
            }
            range(path + "[" + i + "]", values.get(i), min, max);
        }
        distinct(path, values);
        return values;
    }

    /** One of {@code choices}. */
    public static String oneOf(String path, String value, Collection<String> choices) {
        if (value == null || !choices.contains(value)) {
            throw refused(path, "\"" + value + "\"", "one of " + String.join(", ", choices));
        }
        return value;
    }

    /** A usage error for {@code path} = {@code value} that says what is allowed. */
    public static UsageException refused(String path, String value, String allowed) {
        return new UsageException(path + " = " + value + " is not allowed: expected " + allowed);
    }

    private static <T> void distinct(String path, List<T> values) {
        Set<T> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(values.get(i))) {
                throw refused(path + "[" + i + "]", String.valueOf(values.get(i)), "no value listed twice");
            }
        }
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.US, "%d", (long) value);
        }
        return Double.toString(value);
    }
}
