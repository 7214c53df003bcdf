/**
 * The approaches with nothing to learn or select: {@code none} (the unchanged model) and {@code
 * full-context} (the whole transcript). Uses the approach contract and the answer model.
 */
package org.adaptbench.harness.approach.basic;
