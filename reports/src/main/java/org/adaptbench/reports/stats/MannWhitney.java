package org.adaptbench.reports.stats;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Two-sided Mann-Whitney U test: do two independent samples come from the same distribution?
 *
 * <p>commons-math3 uses the normal approximation, which is fine from about five values per side; with
 * fewer the test is not run. Ties (per-user accuracies, token counts) get midranks.
 */
public final class MannWhitney {

    /** Below this many values on either side the p-value is not computed. */
    public static final int MIN_SAMPLES = 5;

    private MannWhitney() {
    }

    /** Whether both samples are large enough for {@link #pValue}. */
    public static boolean applicable(double[] a, double[] b) {
        return a.length >= MIN_SAMPLES && b.length >= MIN_SAMPLES;
    }

    /** The two-sided p-value; NaN when it is undefined (every value identical on both sides). */
    public static double pValue(double[] a, double[] b) {
        if (!applicable(a, b)) {
            throw new IllegalArgumentException("Mann-Whitney needs at least " + MIN_SAMPLES + " values per side, got "
                    + a.length + " and " + b.length);
        }
        return new MannWhitneyUTest().mannWhitneyUTest(a, b);
    }
}
