package org.adaptbench.harness.cell;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.adaptbench.reports.results.Sample;

/**
 * The raw outcome of one cell: scored samples and named measurements, from which metrics are computed.
 *
 * <p>Cells keep raw values, not summaries, so metrics that span cells (lift over {@code none}, for
 * one) are computed once at the end from the same data whether or not the run was resumed.
 *
 * @param samples one per scored example
 * @param measurements name → raw values, one per independent unit (user, request, adapter)
 * @param notes statements the report must carry
 */
public record CellResult(List<Sample> samples, Map<String, List<Double>> measurements, List<String> notes) {

    public CellResult {
        samples = List.copyOf(samples);
        TreeMap<String, List<Double>> copy = new TreeMap<>();
        measurements.forEach((name, values) -> copy.put(Objects.requireNonNull(name), List.copyOf(values)));
        measurements = Collections.unmodifiableSortedMap(copy);
        notes = List.copyOf(notes);
    }

    public double[] measurement(String name) {
        return measurements.getOrDefault(name, List.of()).stream().mapToDouble(Double::doubleValue).toArray();
    }
}
