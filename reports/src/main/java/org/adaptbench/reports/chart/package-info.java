/**
 * Charts chosen from a results file and drawn as SVG and PNG with nothing time-dependent in either.
 *
 * <p>May use {@code results}.
 */
package org.adaptbench.reports.chart;
