package org.adaptbench.reports.compare;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which classes of figures can fail the gate. A figure outside the gate is still compared and shown,
 * as "not gated", but never makes {@code compare} exit 3.
 *
 * <p>By default, results are gated on every class but {@link MetricClass#TIMING}: a run's wall-clock
 * figures are one measurement each, with no distribution across runs, and two identical runs move them
 * by tens of percent. JMH files are gated on everything: their scores come with the iterations' raw
 * data, repeated measurements that Mann-Whitney weighs. Either way, timing is never gated between
 * runs measured on different machines.
 *
 * @param classes the gated classes
 */
public record Gate(Set<MetricClass> classes) {

    public Gate {
        classes = Collections.unmodifiableSet(classes.isEmpty() ? EnumSet.noneOf(MetricClass.class) : EnumSet.copyOf(classes));
    }

    /** Every class. */
    public static Gate all() {
        return new Gate(EnumSet.allOf(MetricClass.class));
    }

    /** Every class but timing. */
    public static Gate withoutTiming() {
        EnumSet<MetricClass> classes = EnumSet.allOf(MetricClass.class);
        classes.remove(MetricClass.TIMING);
        return new Gate(classes);
    }

    /** The default for inputs of {@code kind} ({@link MeasurementSet#RESULTS} or {@link MeasurementSet#JMH}). */
    public static Gate defaultFor(String kind) {
        return kind.equals(MeasurementSet.JMH) ? all() : withoutTiming();
    }

    /**
     * Parses {@code accuracy,tokens,bytes}, or {@code all}.
     *
     * @throws IllegalArgumentException naming the unknown class and the known ones
     */
    public static Gate parse(String text) {
        if (text.trim().equals("all")) {
            return all();
        }
        EnumSet<MetricClass> classes = EnumSet.noneOf(MetricClass.class);
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            classes.add(MetricClass.parse(part).orElseThrow(() -> new IllegalArgumentException("unknown class '" + part.trim()
                    + "'; choose from " + names(EnumSet.allOf(MetricClass.class)) + ", or all")));
        }
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("names no class; choose from " + names(EnumSet.allOf(MetricClass.class)) + ", or all");
        }
        return new Gate(classes);
    }

    public boolean gates(MetricClass metricClass) {
        return classes.contains(metricClass);
    }

    /** The classes as {@code --gate} spells them, in declaration order. */
    public String describe() {
        return names(classes);
    }

    private static String names(Set<MetricClass> classes) {
        return Arrays.stream(MetricClass.values()).filter(classes::contains).map(MetricClass::wireName).collect(Collectors.joining(","));
    }
}
