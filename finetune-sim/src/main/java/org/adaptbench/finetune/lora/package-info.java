/**
 * LoRA: the Linear block that carries low-rank updates, adapter values and their shape.
 *
 * <p>May use {@code architecture} and {@code runtime}.
 */
package org.adaptbench.finetune.lora;
