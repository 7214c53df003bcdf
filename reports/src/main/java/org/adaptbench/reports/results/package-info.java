/**
 * The results format every other module writes and reads by reference: {@code results.json} and {@code samples.jsonl}
 * (schema version, metrics with intervals, series, claims), their validation with file-and-field errors, and the one
 * definition of the metric, approach and variant names that cross modules.
 *
 * <p>May use {@code io} (files are written atomically).
 */
package org.adaptbench.reports.results;
