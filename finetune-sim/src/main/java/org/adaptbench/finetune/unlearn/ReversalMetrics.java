package org.adaptbench.finetune.unlearn;

import java.util.List;
import org.adaptbench.finetune.model.OptionScores;

/**
 * How close a model's behaviour is to a reference that never saw the deleted data, on a probe set.
 *
 * @param agreement share of probes where both choose the same option (1 = fully reverted)
 * @param meanAbsProbabilityDifference mean over probes and options of |p − p_ref|
 * @param maxAbsProbabilityDifference the largest such difference
 * @param probes number of probes
 */
public record ReversalMetrics(double agreement, double meanAbsProbabilityDifference, double maxAbsProbabilityDifference, int probes) {

    /** Compares {@code subject} with {@code reference}, probe by probe. */
    public static ReversalMetrics compare(List<OptionScores> subject, List<OptionScores> reference) {
        if (subject.size() != reference.size()) {
            throw new IllegalArgumentException("subject has " + subject.size() + " probes, reference " + reference.size());
        }
        if (subject.isEmpty()) {
            throw new IllegalArgumentException("no probes to compare");
        }
        int agreeing = 0;
        double sum = 0;
        double max = 0;
        long count = 0;
        for (int i = 0; i < subject.size(); i++) {
            double[] p = subject.get(i).probabilities();
            double[] q = reference.get(i).probabilities();
            if (p.length != q.length) {
                throw new IllegalArgumentException("probe " + i + " has " + p.length + " options in the subject, " + q.length + " in the reference");
            }
            if (subject.get(i).choice() == reference.get(i).choice()) {
                agreeing++;
            }
            for (int k = 0; k < p.length; k++) {
                double difference = Math.abs(p[k] - q[k]);
                sum += difference;
                max = Math.max(max, difference);
                count++;
            }
        }
        return new ReversalMetrics(agreeing / (double) subject.size(), sum / count, max, subject.size());
    }
}
