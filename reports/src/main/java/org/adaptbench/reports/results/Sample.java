package org.adaptbench.reports.results;

import java.util.Objects;

/**
 * One scored example, a line of {@code samples.jsonl}: the raw data behind the metrics.
 *
 * @param scenario scenario name
 * @param approach approach name
 * @param variant sweep point or sub-condition ("" when none; "turns_100", "cadence_nightly", ...)
 * @param userId the user
 * @param queryId the query
 * @param correct whether the chosen option was the right one
 * @param chosen index of the chosen option (-1 for retrieval-only queries)
 * @param tokensAdded tokens the approach added to the context for this request
 * @param latencyMs wall-clock time of the request
 */
public record Sample(
        String scenario,
        String approach,
        String variant,
        String userId,
        String queryId,
        boolean correct,
        int chosen,
        int tokensAdded,
        double latencyMs) {

    public Sample {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(approach, "approach");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(queryId, "queryId");
        if (!Double.isFinite(latencyMs) || latencyMs < 0) {
            throw new IllegalArgumentException("latency_ms must be a finite non-negative number, was " + latencyMs);
        }
        if (tokensAdded < 0) {
            throw new IllegalArgumentException("tokens_added must not be negative, was " + tokensAdded);
        }
    }

    /** User → fraction of that user's samples answered correctly, in user order: the unit every accuracy averages. */
    public static java.util.SortedMap<String, Double> perUserAccuracy(java.util.List<Sample> samples) {
        java.util.SortedMap<String, int[]> counts = new java.util.TreeMap<>();
        for (Sample sample : samples) {
            int[] count = counts.computeIfAbsent(sample.userId(), id -> new int[2]);
            count[0] += sample.correct() ? 1 : 0;
            count[1]++;
        }
        java.util.SortedMap<String, Double> accuracy = new java.util.TreeMap<>();
        counts.forEach((user, count) -> accuracy.put(user, count[0] / (double) count[1]));
        return accuracy;
    }
}
