/**
 * Controls that bound what personalization can be credited with: the option-only model and the
 * oracle context (gold evidence injected). Uses the workload and the answer model.
 */
package org.adaptbench.harness.control;
