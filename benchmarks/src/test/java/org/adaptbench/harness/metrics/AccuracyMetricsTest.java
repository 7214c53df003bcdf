package org.adaptbench.harness.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Sample;
import org.adaptbench.reports.stats.Bootstrap;
import org.adaptbench.reports.stats.TwoWayBootstrap;
import org.junit.jupiter.api.Test;

class AccuracyMetricsTest {

    /** Each query id is its own item here, except where a test says otherwise. */
    private final AccuracyMetrics metrics = new AccuracyMetrics(new Bootstrap(1, 200), new TwoWayBootstrap(1, 200), query -> query);

    private static Sample sample(String user, String query, boolean correct) {
        return new Sample("granularity", "memory", "", user, query, correct, 0, 0, 1);
    }

    @Test
    void accuracyIsTheMeanOfPerUserAccuraciesNotOfQueries() {
        List<Sample> samples = new ArrayList<>();
        // u1: 9 of 9 right; u2: 0 of 1 right → per-user mean 0.5, per-query mean 0.9
        for (int i = 0; i < 9; i++) {
            samples.add(sample("u1", "q" + i, true));
        }
        samples.add(sample("u2", "q9", false));
        Map<String, MetricValue> summary = metrics.summarize(samples, s -> "");
        assertEquals(0.5, summary.get(MetricNames.ACCURACY).value(), 1e-12);
        assertEquals(2, summary.get(MetricNames.ACCURACY).n());
        assertEquals(10, summary.get(MetricNames.ACCURACY).items(), "every accuracy records its distinct items");
        assertEquals(10, summary.get(MetricNames.ACCURACY_P10_USER).items());
        assertFalse(summary.containsKey(MetricNames.ACCURACY_WORST_GROUP));
    }

    @Test
    void worstGroupIgnoresTinyGroupsAndFindsTheWeakest() {
        List<Sample> samples = new ArrayList<>();
        for (int u = 0; u < 4; u++) {
            samples.add(sample("u" + u, "a" + u, true));   // group a: all right
            samples.add(sample("u" + u, "b" + u, u == 0));  // group b: a quarter right
        }
        samples.add(sample("u9", "c", false));             // group c: one user only
        MetricValue worst = metrics.worstGroup(samples, s -> s.queryId().substring(0, 1)).orElseThrow();
        assertEquals(0.25, worst.value(), 1e-12);
        assertEquals(4, worst.n());
    }

    @Test
    void liftIsPairedOverSharedUsers() {
        List<Sample> mine = List.of(sample("u1", "q", true), sample("u2", "q", true), sample("u3", "q", false));
        List<Sample> none = List.of(sample("u1", "q", false), sample("u2", "q", true), sample("u4", "q", true));
        MetricValue lift = metrics.lift(mine, none).orElseThrow();
        assertEquals(0.5, lift.value(), 1e-12);
        assertEquals(2, lift.n());
        assertTrue(metrics.lift(mine, List.of()).isEmpty());
    }
}
