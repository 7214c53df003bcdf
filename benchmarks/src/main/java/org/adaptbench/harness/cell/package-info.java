/**
 * Cells: units of work saved on completion ({@code CellKey}, {@code CellResult}) in a run directory,
 * keyed by what determines them (configuration, data, code: {@code CodeVersion}), so an interrupted
 * run resumes from exactly its own cells; the lock that keeps a second writer out. Uses the results
 * I/O of {@code reports}, the content hash of {@code datasets} and the usage errors.
 */
package org.adaptbench.harness.cell;
