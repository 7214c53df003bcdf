/**
 * Training: the one optimisation loop, pre-training with its checkpoint cache, adapter training, context distillation and FLOP estimates.
 *
 * <p>May use {@code architecture}, {@code checkpoint}, {@code lora}, {@code model} and {@code runtime}.
 */
package org.adaptbench.finetune.train;
