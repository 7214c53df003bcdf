package org.adaptbench.jmh.scale;

import java.util.Objects;

/**
 * What one cell measured.
 *
 * @param arm the arm's approach name
 * @param users N
 * @param serving throughput and request latency
 * @param footprint resident memory, disk and build time
 * @param hitRate fraction of requests whose per-user state was resident (NaN when the arm does not expose it)
 */
record CellResult(String arm, int users, Serving serving, Footprint footprint, double hitRate) {

    CellResult {
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(serving, "serving");
        Objects.requireNonNull(footprint, "footprint");
    }

    /**
     * @param requests requests measured (after the warm-up)
     * @param throughputRps measured requests per second of wall time
     * @param p50Ms median request latency (a request's latency is its batch's wall time, misses and recall included)
     * @param p99Ms 99th percentile request latency
     */
    record Serving(int requests, double throughputRps, double p50Ms, double p99Ms) {

        /** Milliseconds of wall time per request: the cost that stays flat, or not, as N grows. */
        double msPerRequest() {
            return 1000.0 / throughputRps;
        }
    }

    /**
     * @param residentBytes resident set of the serving process after serving (VmRSS)
     * @param residentDeltaBytes resident set after serving minus before the arm built its state
     * @param diskBytesPerUser bytes on disk of the arm's per-user state, divided by N
     * @param buildSeconds wall time to write N users' state
     */
    record Footprint(long residentBytes, long residentDeltaBytes, double diskBytesPerUser, double buildSeconds) {
    }
}
