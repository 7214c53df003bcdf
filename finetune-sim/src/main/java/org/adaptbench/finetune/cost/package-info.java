/** Cost projection to real model sizes from one sourced assumptions file: LoRA sizes, training FLOPs, dollars and break-even points. */
package org.adaptbench.finetune.cost;
