package org.adaptbench.reports.results;

/** One point of a chart line, with its confidence interval and sample size. */
public record SeriesPoint(double x, double y, double ciLow, double ciHigh, long n) {

    public SeriesPoint {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(ciLow) || !Double.isFinite(ciHigh)) {
            throw new IllegalArgumentException("series points must be finite");
        }
    }
}
