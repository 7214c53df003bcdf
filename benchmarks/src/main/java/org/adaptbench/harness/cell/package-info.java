/**
 * Cells: units of work saved on completion ({@code CellKey}, {@code CellResult}) in a run
 * directory, so an interrupted run resumes from them. Uses only the results I/O of {@code reports}.
 */
package org.adaptbench.harness.cell;
