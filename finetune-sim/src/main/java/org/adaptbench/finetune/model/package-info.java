/**
 * The base model: prompts of embedding vectors, the attention-over-context scorer built of LoRA-capable Linear
 * blocks, its scores, and the cosine baseline.
 *
 * <p>May use {@code architecture}, {@code checkpoint}, {@code lora} and {@code runtime}.
 */
package org.adaptbench.finetune.model;
