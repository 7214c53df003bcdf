/**
 * Statistics for reports and comparisons: bootstrap intervals, the Mann-Whitney test and McNemar's
 * paired test.
 *
 * <p>May use {@code results}.
 */
package org.adaptbench.reports.stats;
