/**
 * The fine-tuning side: a small DJL base model that scores options from embedding vectors, LoRA
 * adapters over its Linear layers, adapter strategies, unlearning and cost projection.
 */
package org.adaptbench.finetune;
