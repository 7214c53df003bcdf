/**
 * Metrics from raw samples and measurements: per-user accuracy figures with bootstrap intervals,
 * latency percentiles. Uses the statistics and results schema of {@code reports}.
 */
package org.adaptbench.harness.metrics;
