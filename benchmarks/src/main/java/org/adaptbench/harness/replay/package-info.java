/**
 * The replay loop: one user's history delivered to an approach in time order, each query reached
 * where it belongs. Uses the approach contract and the data model only.
 */
package org.adaptbench.harness.replay;
