package org.adaptbench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adaptbench.reports.results.Intervals;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Units;
import org.junit.jupiter.api.Test;

class ProportionsTest {

    @Test
    void sixteenOfSixteenIsNoCertainty() {
        double[] allExact = new double[16];
        java.util.Arrays.fill(allExact, 1.0);
        MetricValue mean = new Bootstrap(1, 200).mean(allExact, Units.FRACTION, true);
        assertEquals(Intervals.CLOPPER_PEARSON, mean.interval());
        assertEquals(0.7941, mean.ciLow(), 1e-3, "the exact 95% lower bound for 16 successes in 16 trials");
        assertFalse(mean.degenerate());
    }

    @Test
    void onlyProportionsCollapsedAtZeroOrOneAreReplaced() {
        assertTrue(Proportions.collapsedAtBound(new double[] {0, 0, 0}));
        assertFalse(Proportions.collapsedAtBound(new double[] {0.5, 0.5}));
        assertFalse(Proportions.collapsedAtBound(new double[] {1, 0}));
        MetricValue ms = new Bootstrap(1, 200).mean(new double[] {1, 1, 1}, Units.MS, false);
        assertEquals(Intervals.BOOTSTRAP, ms.interval(), "milliseconds are no proportion");
        MetricValue zero = new Bootstrap(1, 200).mean(new double[] {0, 0, 0, 0}, Units.FRACTION, true);
        assertEquals(0, zero.ciLow());
        assertTrue(zero.ciHigh() > 0.5, zero.toString());
    }
}
