package org.adaptbench.harness.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.stats.Bootstrap;
import org.junit.jupiter.api.Test;

class LatencyMetricsTest {

    @Test
    void percentilesOfAKnownDistribution() {
        double[] latencies = new double[1000];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = i + 1;   // 1..1000 ms
        }
        Map<String, MetricValue> metrics = new LatencyMetrics(new Bootstrap(2, 200)).summarize(latencies);
        assertEquals(500, metrics.get(MetricNames.LATENCY_P50_MS).value(), 1.0);
        assertEquals(950, metrics.get(MetricNames.LATENCY_P95_MS).value(), 1.0);
        assertEquals(990, metrics.get(MetricNames.LATENCY_P99_MS).value(), 1.0);
        MetricValue p99 = metrics.get(MetricNames.LATENCY_P99_MS);
        assertTrue(p99.ciLow() <= p99.value() && p99.value() <= p99.ciHigh());
        assertTrue(!p99.higherIsBetter());
    }
}
