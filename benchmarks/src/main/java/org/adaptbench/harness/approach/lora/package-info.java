/**
 * Fine-tuning approaches: shared (global, per-variant) and per-user LoRA adapters of {@code
 * finetune-sim}, the pipeline that turns observable histories into training examples, retraining
 * cadences and reversal methods. Uses the approach contract and the shared extraction.
 */
package org.adaptbench.harness.approach.lora;
