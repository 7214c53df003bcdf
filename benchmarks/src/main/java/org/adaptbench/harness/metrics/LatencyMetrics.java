package org.adaptbench.harness.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Units;
import org.adaptbench.reports.stats.Bootstrap;

/** Request latency percentiles (p50, p95, p99) read from an HdrHistogram, with bootstrap intervals. */
public final class LatencyMetrics {

    /** Microsecond resolution up to an hour, 3 significant digits: far finer than the noise of these machines. */
    private static final long HIGHEST_MICROS = 3_600_000_000L;
    private static final int SIGNIFICANT_DIGITS = 3;

    private static final double[] PERCENTILES = {50, 95, 99};

    private final Bootstrap bootstrap;

    public LatencyMetrics(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** latency_p50_ms, latency_p95_ms, latency_p99_ms over the given request latencies in milliseconds. */
    public Map<String, MetricValue> summarize(double[] latenciesMs) {
        Map<String, MetricValue> metrics = new LinkedHashMap<>();
        if (latenciesMs.length == 0) {
            return metrics;
        }
        for (double percentile : PERCENTILES) {
            metrics.put(String.format(java.util.Locale.US, "latency_p%d_ms", (int) percentile),
                    bootstrap.statistic(latenciesMs, sample -> percentileMs(sample, percentile), Units.MS, false));
        }
        return metrics;
    }

    /** The percentile of {@code latenciesMs} as HdrHistogram reports it. */
    static double percentileMs(double[] latenciesMs, double percentile) {
        Histogram histogram = new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
        for (double ms : latenciesMs) {
            histogram.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, Math.round(ms * 1000))));
        }
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
