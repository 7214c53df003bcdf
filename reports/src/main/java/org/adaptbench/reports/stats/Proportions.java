package org.adaptbench.reports.stats;

import org.adaptbench.reports.results.Intervals;
import org.adaptbench.reports.results.MetricValue;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * Exact intervals for proportions where resampling says nothing: when every unit scored 0 or every
 * unit scored 1, every bootstrap replicate does too and the percentile interval collapses to a point,
 * which is no certainty. The Clopper–Pearson interval over the units (n trials, all successes or all
 * failures) says how sure n units can make one.
 */
public final class Proportions {

    private static final double CONFIDENCE = 0.95;

    private Proportions() {
    }

    /** Whether every value is 0, or every value is 1. */
    public static boolean collapsedAtBound(double[] values) {
        if (values.length == 0) {
            return false;
        }
        double first = values[0];
        if (first != 0 && first != 1) {
            return false;
        }
        for (double value : values) {
            if (value != first) {
                return false;
            }
        }
        return true;
    }

    /** The Clopper–Pearson interval of {@code proportion} (0 or 1) observed over {@code n} units. */
    public static MetricValue clopperPearson(double proportion, long n, String unit, boolean higherIsBetter) {
        long successes = Math.round(proportion * n);
        double tail = (1 - CONFIDENCE) / 2;
        // the Beta quantiles of Clopper and Pearson, in closed form at the bounds (where commons-math's F form has no degrees of freedom)
        double low = successes == 0 ? 0 : successes == n ? Math.pow(tail, 1.0 / n)
                : new BetaDistribution(null, successes, n - successes + 1).inverseCumulativeProbability(tail);
        double high = successes == n ? 1 : successes == 0 ? 1 - Math.pow(tail, 1.0 / n)
                : new BetaDistribution(null, successes + 1, n - successes).inverseCumulativeProbability(1 - tail);
        return new MetricValue(proportion, Math.min(proportion, low), Math.max(proportion, high),
                n, unit, higherIsBetter, 0, Intervals.CLOPPER_PEARSON);
    }
}
