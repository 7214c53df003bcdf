package org.adaptbench.harness.tuning;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.adaptbench.reports.results.MetricValue;

/**
 * One trial of the search: a side's knob values and what its approaches scored with them on the
 * validation world.
 *
 * @param index 0 is the suite's own values (the incumbent), the others are seeded draws
 * @param values knob path → value (JSON text)
 * @param accuracy approach → validation accuracy, with its interval over users and items
 * @param majorityAgreement approach → share of its answers that are the question's majority answer
 * @param trainingFit batch-trained approach → its majority agreement on the training prefixes' own choices ({@link TrainingFit})
 * @param tokens approach → mean tokens its answers added to the request (what injected memory costs)
 * @param score the mean of the approaches' accuracies, which the search maximises
 * @param seconds wall time of the trial (a timing: it varies between machines and runs)
 */
public record Trial(Side side, int index, SortedMap<String, String> values, Map<String, MetricValue> accuracy,
        Map<String, MetricValue> majorityAgreement, Map<String, MetricValue> trainingFit, Map<String, Double> tokens, double score,
        double seconds) {

    public Trial {
        values = new TreeMap<>(values);
        accuracy = Map.copyOf(accuracy);
        majorityAgreement = Map.copyOf(majorityAgreement);
        trainingFit = Map.copyOf(trainingFit);
        tokens = Map.copyOf(tokens);
        if (index < 0) {
            throw new IllegalArgumentException("trial index must not be negative, was " + index);
        }
    }

    /** True for the trial of the suite's own values. */
    public boolean incumbent() {
        return index == 0;
    }
}
