/**
 * Seeded randomness: independent, reproducible random streams derived from one master seed by purpose and index.
 *
 * <p>A leaf: uses no other package of the module.
 */
package org.adaptbench.datasets.seed;
