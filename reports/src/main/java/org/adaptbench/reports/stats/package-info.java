/**
 * Statistics for reports and comparisons: bootstrap intervals and the Mann-Whitney test.
 *
 * <p>May use {@code results}.
 */
package org.adaptbench.reports.stats;
