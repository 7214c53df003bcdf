/** Training: the one optimisation loop, pre-training with its checkpoint cache, adapter training, context distillation and FLOP estimates. */
package org.adaptbench.finetune.train;
