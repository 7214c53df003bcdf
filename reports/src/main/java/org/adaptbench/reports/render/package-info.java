/**
 * A run's report: one self-contained HTML page and GitHub-flavoured Markdown, with the recomputed claims and every
 * chart.
 *
 * <p>The top of the report side: may use {@code chart}, {@code claims}, {@code compare} (a
 * comparison with a baseline shown as a section), {@code io} and {@code results}.
 */
package org.adaptbench.reports.render;
