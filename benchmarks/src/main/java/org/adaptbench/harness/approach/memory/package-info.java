/**
 * Memory-based personalization: the memory layer of {@code personalization} behind the approach
 * contract, on the run's store backend, with its retrieval ablations as conditions. Uses the
 * approach contract, the shared extraction and the answer model.
 */
package org.adaptbench.harness.approach.memory;
