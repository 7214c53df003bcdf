/**
 * {@code adaptbench compare}, the CI gate: two runs (or JMH result files) metric by metric, with verdicts backed by
 * statistics, as Markdown and in github-action-benchmark's format.
 *
 * <p>The top of the comparison side: may use {@code io}, {@code results} and {@code stats}.
 */
package org.adaptbench.reports.compare;
