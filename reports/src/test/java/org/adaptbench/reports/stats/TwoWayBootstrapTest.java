package org.adaptbench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.adaptbench.reports.results.Intervals;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Units;
import org.adaptbench.reports.stats.TwoWayBootstrap.Observation;
import org.junit.jupiter.api.Test;

class TwoWayBootstrapTest {

    private final TwoWayBootstrap bootstrap = new TwoWayBootstrap(7, 1000);

    /** 60 users each asked the same few items; some items are easy for everyone, others hard. */
    private static List<Observation> crossed(int users, int items, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] difficulty = new double[items];
        for (int i = 0; i < items; i++) {
            difficulty[i] = random.nextDouble();
        }
        List<Observation> observations = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                observations.add(new Observation("u" + u, "i" + i, random.nextDouble() < difficulty[i] ? 1 : 0));
            }
        }
        return observations;
    }

    @Test
    void thePointIsTheMeanOfPerUserMeansAndItemsAreCounted() {
        List<Observation> observations = List.of(new Observation("a", "x", 1), new Observation("a", "y", 1),
                new Observation("a", "z", 1), new Observation("b", "x", 0));
        MetricValue mean = bootstrap.meanOfUserMeans(observations, Units.FRACTION, true);
        assertEquals(0.5, mean.value(), 1e-12);
        assertEquals(2, mean.n());
        assertEquals(3, mean.items());
        assertEquals(Intervals.BOOTSTRAP_USERS_ITEMS, mean.interval());
    }

    @Test
    void resamplingItemsWidensTheIntervalWhenEveryoneIsAskedTheSameFewItems() {
        List<Observation> observations = crossed(60, 6, 3);
        MetricValue twoWay = bootstrap.meanOfUserMeans(observations, Units.FRACTION, true);
        double[] perUser = new double[60];
        for (Observation o : observations) {
            perUser[Integer.parseInt(o.user().substring(1))] += o.value() / 6;
        }
        MetricValue usersOnly = new Bootstrap(7, 1000).statistic(perUser, Bootstrap::meanOf, Units.FRACTION, true);
        assertEquals(usersOnly.value(), twoWay.value(), 1e-12);
        double twoWayWidth = twoWay.ciHigh() - twoWay.ciLow();
        double usersWidth = usersOnly.ciHigh() - usersOnly.ciLow();
        assertTrue(twoWayWidth > 1.5 * usersWidth, "two-way " + twoWayWidth + " vs users only " + usersWidth);
    }

    @Test
    void sameObservationsInAnyOrderGiveTheSameInterval() {
        List<Observation> observations = new ArrayList<>(crossed(20, 5, 9));
        MetricValue first = bootstrap.meanOfUserMeans(observations, Units.FRACTION, true);
        java.util.Collections.reverse(observations);
        assertEquals(first, bootstrap.meanOfUserMeans(observations, Units.FRACTION, true));
    }

    @Test
    void aProportionEveryUserGotRightGetsTheExactBinomialInterval() {
        List<Observation> observations = new ArrayList<>();
        for (int u = 0; u < 16; u++) {
            observations.add(new Observation("u" + u, "i" + (u % 3), 1));
        }
        MetricValue exact = bootstrap.meanOfUserMeans(observations, Units.FRACTION, true);
        assertEquals(1.0, exact.value());
        assertEquals(Intervals.CLOPPER_PEARSON, exact.interval());
        assertEquals(Math.pow(0.025, 1.0 / 16), exact.ciLow(), 1e-9, "Clopper-Pearson lower bound for 16 of 16");
        assertEquals(1.0, exact.ciHigh());
        assertEquals(3, exact.items());
    }

    @Test
    void pairedDifferencesResampleBothSidesTogether() {
        List<Observation> a = crossed(40, 8, 5);
        List<Observation> shifted = a.stream().map(o -> new Observation(o.user(), o.item(), o.item().compareTo("i4") < 0 ? 1 : o.value())).toList();
        MetricValue same = bootstrap.pairedDifference(a, a, Units.FRACTION, true);
        assertEquals(0, same.value(), 1e-12);
        assertEquals(0, same.ciLow(), 1e-12);
        assertEquals(0, same.ciHigh(), 1e-12);
        MetricValue diff = bootstrap.pairedDifference(shifted, a, Units.FRACTION, true);
        assertTrue(diff.value() > 0 && diff.ciLow() >= 0, diff.toString());
        assertEquals(40, diff.n());
        assertEquals(1.0, same.pValue(), "no difference at all");
        assertTrue(diff.pValue() < 0.05, "a gain on half the items is a significant one: " + diff.pValue());
        MetricValue oneItem = bootstrap.pairedDifference(a.stream().map(o -> new Observation(o.user(), o.item(),
                o.item().equals("i0") ? 1 : o.value())).toList(), a, Units.FRACTION, true);
        assertTrue(oneItem.pValue() > 0.05, "a gain carried by one item of eight is not, once items are resampled: " + oneItem.pValue());
        assertEquals(null, bootstrap.meanOfUserMeans(a, Units.FRACTION, true).pValue(), "a mean is no test");
    }
}
