package org.adaptbench.reports.results;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A family of lines for one chart: one line per approach (or approach and variant), same axes.
 *
 * @param xLabel what the x axis measures, with its unit
 * @param yLabel what the y axis measures, with its unit
 * @param higherIsBetter direction of the y axis
 * @param lines line name → points in increasing x
 */
public record Series(String xLabel, String yLabel, boolean higherIsBetter, Map<String, List<SeriesPoint>> lines) {

    public Series {
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        TreeMap<String, List<SeriesPoint>> copy = new TreeMap<>();
        for (Map.Entry<String, List<SeriesPoint>> line : lines.entrySet()) {
            copy.put(line.getKey(), List.copyOf(line.getValue()));
        }
        lines = java.util.Collections.unmodifiableSortedMap(copy);
    }
}
