package org.adaptbench.jmh.scale;

import org.HdrHistogram.Histogram;

/** Request latencies of one cell in an HdrHistogram (microseconds, 3 significant digits) and the wall time they took. */
final class LatencyRecorder {

    private final Histogram histogram = new Histogram(3_600_000_000L, 3);
    private long wallNanos;
    private int requests;

    /** A batch of {@code count} requests that all finished {@code nanos} after the batch started. */
    void batch(int count, long nanos) {
        long micros = Math.max(1, nanos / 1000);
        histogram.recordValueWithCount(Math.min(micros, histogram.getHighestTrackableValue()), count);
        wallNanos += nanos;
        requests += count;
    }

    CellResult.Serving result() {
        return new CellResult.Serving(requests, requests / (wallNanos / 1e9), histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0);
    }
}
