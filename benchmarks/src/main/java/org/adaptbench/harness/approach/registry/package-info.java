/**
 * The registry of approaches: each {@code ApproachKind} carries its wire name, capabilities and
 * factory; {@code ApproachSpec} names an approach under one of its conditions. Uses every approach
 * package; used by the run context, the scenarios and the CLI.
 */
package org.adaptbench.harness.approach.registry;
