/**
 * Cost projection to real model sizes from one sourced assumptions file: LoRA sizes, training FLOPs, dollars and break-even points.
 *
 * <p>A leaf: uses no other package of the module.
 */
package org.adaptbench.finetune.cost;
