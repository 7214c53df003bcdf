/**
 * The data model every source loads into: data sets, users, turns with their ground-truth labels, multiple-choice
 * queries, and {@link org.adaptbench.datasets.model.WireName}, the one rule by which the module's enums are spelled in
 * files.
 *
 * <p>A leaf: immutable values that use no other package of the module.
 */
package org.adaptbench.datasets.model;
