/**
 * The scenarios, one per claim, registered by {@code ScenarioKind}: each runs its cells on a
 * workload and summarises them into metrics, series and notes. Uses the run context, the approach
 * registry, the replay loop, metrics and controls.
 */
package org.adaptbench.harness.scenario;
