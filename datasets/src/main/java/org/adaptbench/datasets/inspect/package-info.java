/**
 * {@code adaptbench datasets inspect}: a readable summary of a loaded data set (users, turns by kind, queries,
 * PrefEval forms).
 *
 * <p>Sits above the facade: may use {@code datasets}, {@code model} and {@code prefeval}.
 */
package org.adaptbench.datasets.inspect;
