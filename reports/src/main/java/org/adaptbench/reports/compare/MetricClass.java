package org.adaptbench.reports.compare;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.adaptbench.reports.results.Units;

/**
 * What a figure measures, told by its unit: the classes {@code compare --gate} turns on and off.
 * Timing figures are wall-clock measurements that move between runs on the same machine; every other
 * class is computed, so the same seed, data and code reproduce it exactly.
 */
public enum MetricClass {
    /** Fractions and probabilities: accuracies, recall, agreement, retention. */
    ACCURACY("accuracy"),
    /** Tokens added per request. */
    TOKENS("tokens"),
    /** Bytes stored or allocated. */
    BYTES("bytes"),
    /** Training FLOPs. */
    COMPUTE("compute"),
    /** Projected dollars and request volumes. */
    COST("cost"),
    /** Wall-clock time: latencies, training seconds, time to adapt, JMH scores per time. */
    TIMING("timing"),
    /** Any unit not listed above. */
    OTHER("other");

    private final String wireName;

    MetricClass(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The class of a figure with {@code unit} (a results unit or a JMH one: ms/op, ops/s, B/op). */
    public static MetricClass of(String unit) {
        String u = unit.trim().toLowerCase(Locale.US);
        if (u.equals(Units.FRACTION) || u.equals(Units.PROBABILITY)) {
            return ACCURACY;
        }
        if (u.equals(Units.TOKENS)) {
            return TOKENS;
        }
        if (u.equals(Units.BYTES) || u.equals("b/op")) {
            return BYTES;
        }
        if (u.equals(Units.FLOPS)) {
            return COMPUTE;
        }
        if (u.equals(Units.USD) || u.equals(Units.REQUESTS_PER_USER_MONTH)) {
            return COST;
        }
        if (u.equals(Units.MS) || u.equals(Units.SECONDS) || u.matches("(ns|us|µs|ms|s|min)/op") || u.startsWith("ops/")
                || u.endsWith("/sec") || u.endsWith("/s")) {
            return TIMING;
        }
        return OTHER;
    }

    public static Optional<MetricClass> parse(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(name.trim().toLowerCase(Locale.US))).findFirst();
    }
}
