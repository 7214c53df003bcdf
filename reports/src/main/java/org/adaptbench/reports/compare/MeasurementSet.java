package org.adaptbench.reports.compare;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything one side of a comparison measured.
 *
 * @param source the path as the user gave it
 * @param kind {@link #RESULTS} or {@link #JMH}
 * @param measurements by name
 * @param settings the configuration the figures were measured under, flattened to dotted paths,
 *     so differences between the two sides can be named
 */
public record MeasurementSet(String source, String kind, Map<String, Measurement> measurements, Map<String, String> settings) {

    public static final String RESULTS = "AdaptBench results";
    public static final String JMH = "JMH results";

    public MeasurementSet {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        measurements = Collections.unmodifiableSortedMap(new TreeMap<>(measurements));
        settings = Collections.unmodifiableSortedMap(new TreeMap<>(settings));
    }
}
