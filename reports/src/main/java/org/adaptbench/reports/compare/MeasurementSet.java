package org.adaptbench.reports.compare;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one side of a comparison measured.
 *
 * @param source the path as the user gave it
 * @param kind {@link #RESULTS} or {@link #JMH}
 * @param measurements by name
 * @param settings the configuration the figures were measured under, flattened to dotted paths,
 *     so differences between the two sides can be named
 * @param items per metric, the scored items behind it (item id → 1 right, 0 wrong), for a paired test
 *     when both sides scored the same items; empty where the input has none
 * @param machine the machine the figures were measured on ({@code org.adaptbench.reports.results.Machine}),
 *     empty when the input does not record it
 */
public record MeasurementSet(String source, String kind, Map<String, Measurement> measurements, Map<String, String> settings,
        Map<String, SortedMap<String, Integer>> items, Optional<Map<String, String>> machine) {

    public static final String RESULTS = "AdaptBench results";
    public static final String JMH = "JMH results";

    public MeasurementSet {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        measurements = Collections.unmodifiableSortedMap(new TreeMap<>(measurements));
        settings = Collections.unmodifiableSortedMap(new TreeMap<>(settings));
        TreeMap<String, SortedMap<String, Integer>> copy = new TreeMap<>();
        items.forEach((name, outcomes) -> copy.put(name, Collections.unmodifiableSortedMap(new TreeMap<>(outcomes))));
        items = Collections.unmodifiableSortedMap(copy);
        machine = machine.map(m -> Collections.unmodifiableSortedMap(new TreeMap<>(m)));
    }

    /** A side with no scored items and no recorded machine. */
    public MeasurementSet(String source, String kind, Map<String, Measurement> measurements, Map<String, String> settings) {
        this(source, kind, measurements, settings, Map.of(), Optional.empty());
    }
}
