/**
 * A run from start to end: the plan (configuration checked, data loaded), the runner that executes
 * the scenarios and writes the run directory, and seed sweeps. Uses the scenarios and everything
 * they use.
 */
package org.adaptbench.harness.run;
