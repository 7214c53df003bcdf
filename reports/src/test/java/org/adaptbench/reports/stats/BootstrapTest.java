package org.adaptbench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.adaptbench.reports.results.MetricValue;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void sameSeedSameInterval() {
        double[] values = {0, 1, 1, 0, 1, 1, 1, 0, 1, 1};
        assertEquals(new Bootstrap(3).mean(values, "fraction", true), new Bootstrap(3).mean(values, "fraction", true));
    }

    @Test
    void intervalCoversTrueMeanAboutNinetyFivePercentOfTheTime() {
        SplittableRandom random = new SplittableRandom(11);
        int covered = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            double[] values = new double[80];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextDouble() < 0.3 ? 1 : 0;
            }
            MetricValue metric = new Bootstrap(t, 500).mean(values, "fraction", true);
            if (metric.ciLow() <= 0.3 && 0.3 <= metric.ciHigh()) {
                covered++;
            }
        }
        // nominal 95%; the percentile bootstrap runs a little narrow at n = 80
        assertTrue(covered >= 0.88 * trials && covered <= 0.99 * trials, "covered " + covered + " of " + trials);
    }

    @Test
    void intervalNarrowsWithMoreData() {
        SplittableRandom random = new SplittableRandom(5);
        double[] small = random.doubles(20).toArray();
        double[] large = random.doubles(2000).toArray();
        MetricValue a = new Bootstrap(1).mean(small, "x", true);
        MetricValue b = new Bootstrap(1).mean(large, "x", true);
        assertTrue(b.ciHigh() - b.ciLow() < (a.ciHigh() - a.ciLow()) / 4);
    }

    @Test
    void quantilesInterpolate() {
        double[] values = {1, 2, 3, 4, 5};
        assertEquals(3, Bootstrap.quantileOf(values, 0.5), 1e-12);
        assertEquals(1.4, Bootstrap.quantileOf(values, 0.1), 1e-12);
    }

    @Test
    void singleValueIsExactAndEmptyOrNanIsRefused() {
        assertEquals(MetricValue.exact(4, 1, "ms", false), new Bootstrap(1).mean(new double[] {4}, "ms", false));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(1).mean(new double[0], "ms", false));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(1).mean(new double[] {1, Double.NaN}, "ms", false));
    }
}
