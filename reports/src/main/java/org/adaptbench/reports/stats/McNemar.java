package org.adaptbench.reports.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * McNemar's exact test for two scorers on the same items: of the items where they disagree, is one
 * right more often than chance would make it? Two-sided, exact (binomial with p = 1/2), so it holds
 * for the handful of disagreements a small run has.
 */
public final class McNemar {

    private McNemar() {
    }

    /**
     * The two-sided p-value.
     *
     * @param onlyFirst items only the first scorer got right
     * @param onlySecond items only the second scorer got right
     * @return 1 when they never disagree
     */
    public static double pValue(int onlyFirst, int onlySecond) {
        if (onlyFirst < 0 || onlySecond < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + onlyFirst + ", " + onlySecond);
        }
        int n = onlyFirst + onlySecond;
        if (n == 0) {
            return 1;
        }
        double tail = new BinomialDistribution(null, n, 0.5).cumulativeProbability(Math.min(onlyFirst, onlySecond));
        return Math.min(1, 2 * tail);
    }
}
