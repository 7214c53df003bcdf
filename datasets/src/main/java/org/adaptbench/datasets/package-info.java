/**
 * Data sets for the harness: the one entry point {@link org.adaptbench.datasets.DatasetLoader} (synthetic world, PrefEval, a
 * folder in the JSONL or PrefEval layout) and its options. Knows nothing about models.
 *
 * <p>The facade at the top of the module: it may use every subpackage but {@code inspect}; no subpackage uses it
 * except {@code inspect}.
 */
package org.adaptbench.datasets;
