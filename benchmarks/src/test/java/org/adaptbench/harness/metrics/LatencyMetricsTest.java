package org.adaptbench.harness.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
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
        assertEquals(500, metrics.get("latency_p50_ms").value(), 1.0);
        assertEquals(950, metrics.get("latency_p95_ms").value(), 1.0);
        assertEquals(990, metrics.get("latency_p99_ms").value(), 1.0);
        MetricValue p99 = metrics.get("latency_p99_ms");
        assertTrue(p99.ciLow() <= p99.value() && p99.value() <= p99.ciHigh());
        assertTrue(!p99.higherIsBetter());
    }
}
