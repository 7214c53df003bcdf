/**
 * The fine-tuning side: a small DJL base model that scores options from embedding vectors, LoRA
 * adapters over its Linear layers, adapter strategies, unlearning and cost projection. Works on
 * vectors and examples, never on data-set files.
 *
 * <p>Only subpackages hold code. From the bottom up: {@code architecture}, {@code runtime}, {@code checkpoint}
 * and {@code cost} (leaves); {@code lora}; {@code model}; {@code adapter} and {@code train}; {@code strategy} and
 * {@code unlearn} (the top).
 */
package org.adaptbench.finetune;
