package org.adaptbench.reports.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The Holm–Bonferroni step-down correction: controls the chance of any false "significant" over a
 * family of tests at {@code alpha}, without assuming the tests are independent. The claims table
 * tests every comparison it judges as one family.
 */
public final class Holm {

    private Holm() {
    }

    /**
     * Adjusted p-values, in the order given: with the raw p-values sorted ascending, the i-th (from 0)
     * is multiplied by (m − i), made monotone and capped at 1. A comparison is significant at level
     * alpha when its adjusted p-value is at most alpha.
     */
    public static double[] adjust(List<Double> pValues) {
        int m = pValues.size();
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
            double p = pValues.get(i);
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("a p-value lies in [0, 1], was " + p);
            }
        }
        // ties keep their given order, so the adjustment does not depend on how equal p-values came in
        Arrays.sort(order, Comparator.comparingDouble(pValues::get));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * pValues.get(i)));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
