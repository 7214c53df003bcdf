package org.adaptbench.harness.workload;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.adaptbench.reports.results.RegimeCell;

/**
 * One point of the regimes map: how much users agree, how many events each has, how fast preferences change.
 *
 * <p>The point has two spellings, both defined here: its workload name (in the run log, the cell files and the
 * seed its world is drawn from, so it must not change without changing every figure of the map) and its
 * results key, a {@link RegimeCell} the report reads the axes from.
 *
 * @param agreement share of users holding each dimension's leading option (0.25 is uniform)
 * @param events events per user
 * @param changeRate probability that an event changes a preference
 */
public record RegimePoint(double agreement, int events, double changeRate) {

    /** The workload's name for this point: "agreement_0.50-events_20-change_0.05". */
    public String workloadName() {
        return String.format(Locale.US, "agreement_%.2f-events_%d-change_%.2f", agreement, events, changeRate);
    }

    /** The results key of this point, its coordinates in axis order. */
    public RegimeCell cell() {
        Map<String, String> axes = new LinkedHashMap<>();
        axes.put("agreement", String.format(Locale.US, "%.2f", agreement));
        axes.put("events", Integer.toString(events));
        axes.put("change_rate", String.format(Locale.US, "%.2f", changeRate));
        return new RegimeCell(axes);
    }
}
