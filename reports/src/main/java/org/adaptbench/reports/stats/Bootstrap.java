package org.adaptbench.reports.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Units;

/**
 * Percentile bootstrap confidence intervals, seeded so the same data and seed give the same interval.
 *
 * <p>Resampling is over the independent units given (users, requests), so a per-user metric must be
 * passed one value per user, not one per query.
 */
public final class Bootstrap {

    /** Resamples used when a caller does not say; enough for stable 95% percentile bounds. */
    public static final int DEFAULT_RESAMPLES = 2000;

    private final long seed;
    private final int resamples;

    public Bootstrap(long seed, int resamples) {
        if (resamples < 100) {
            throw new IllegalArgumentException("at least 100 resamples are needed, got " + resamples);
        }
        this.seed = seed;
        this.resamples = resamples;
    }

    public Bootstrap(long seed) {
        this(seed, DEFAULT_RESAMPLES);
    }

    /**
     * The mean of {@code values} with its 95% interval; a proportion whose units all scored 0 or all
     * scored 1 gets the exact binomial interval instead of a collapsed bootstrap ({@link Proportions}).
     */
    public MetricValue mean(double[] values, String unit, boolean higherIsBetter) {
        if (values.length > 1 && Units.FRACTION.equals(unit) && Proportions.collapsedAtBound(values)) {
            return Proportions.clopperPearson(values[0], values.length, unit, higherIsBetter);
        }
        return statistic(values, Bootstrap::meanOf, unit, higherIsBetter);
    }

    /** The {@code q}-quantile (0..1) of {@code values} with its 95% interval. */
    public MetricValue quantile(double[] values, double q, String unit, boolean higherIsBetter) {
        return statistic(values, sample -> quantileOf(sample, q), unit, higherIsBetter);
    }

    /** Any statistic of {@code values} with its 95% percentile-bootstrap interval. */
    public MetricValue statistic(double[] values, ToDoubleFunction<double[]> statistic, String unit, boolean higherIsBetter) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("non-finite value " + value);
            }
        }
        double point = statistic.applyAsDouble(values.clone());
        if (values.length == 1) {
            return MetricValue.exact(point, 1, unit, higherIsBetter);
        }
        double[] estimates = replicates(values, statistic);
        Arrays.sort(estimates);
        double low = Math.min(point, quantileOfSorted(estimates, 0.025));
        double high = Math.max(point, quantileOfSorted(estimates, 0.975));
        return new MetricValue(point, low, high, values.length, unit, higherIsBetter);
    }

    /** The interval of the difference of means of two paired samples (a[i] - b[i]). */
    public MetricValue pairedMeanDifference(double[] a, double[] b, String unit, boolean higherIsBetter) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length + " vs " + b.length);
        }
        double[] differences = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            differences[i] = a[i] - b[i];
        }
        // a difference is no proportion: all-zero differences are a tie to resample, not a binomial bound
        double point = meanOf(differences);
        if (differences.length == 1) {
            return MetricValue.exact(point, 1, unit, higherIsBetter).withPValue(1.0);
        }
        double[] estimates = replicates(differences, Bootstrap::meanOf);
        Arrays.sort(estimates);
        return new MetricValue(point, Math.min(point, quantileOfSorted(estimates, 0.025)), Math.max(point, quantileOfSorted(estimates, 0.975)),
                differences.length, unit, higherIsBetter, 0, org.adaptbench.reports.results.Intervals.BOOTSTRAP, twoSidedP(estimates, point));
    }

    private double[] replicates(double[] values, ToDoubleFunction<double[]> statistic) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] estimates = new double[resamples];
        double[] sample = new double[values.length];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = values[random.nextInt(values.length)];
            }
            estimates[r] = statistic.applyAsDouble(sample);
        }
        return estimates;
    }

    /**
     * The two-sided bootstrap p-value of "no difference" for an estimate and its sorted replicates:
     * twice the smaller share of replicates on either side of zero, with the add-one correction so
     * that no finite resampling claims p = 0; 1 when there is no spread and the estimate is 0.
     */
    static double twoSidedP(double[] sortedReplicates, double point) {
        int n = sortedReplicates.length;
        if (n == 0) {
            return 1.0;
        }
        long atOrBelow = Arrays.stream(sortedReplicates).filter(value -> value <= 0).count();
        long atOrAbove = Arrays.stream(sortedReplicates).filter(value -> value >= 0).count();
        double p = 2.0 * (Math.min(atOrBelow, atOrAbove) + 1) / (n + 1);
        return Math.min(1.0, p);
    }

    public static double meanOf(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** Linear-interpolated quantile; sorts a copy. */
    public static double quantileOf(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantileOfSorted(sorted, q);
    }

    private static double quantileOfSorted(double[] sorted, double q) {
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("quantile " + q + " outside 0..1");
        }
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        double fraction = position - lower;
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
    }
}
