/**
 * What the scenarios of one run share: the bench, the approaches selected, one approach context per
 * workload and the memoised cells. Uses the approach registry, the cell store, the bench and the
 * workload; knows nothing of scenarios.
 */
package org.adaptbench.harness.context;
