/**
 * The claims of the memory-versus-fine-tuning comparison and the rules that compute each verdict from a run's
 * metrics and the thresholds of one class.
 *
 * <p>May use {@code results}.
 */
package org.adaptbench.reports.claims;
