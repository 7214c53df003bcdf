/**
 * The base model's architecture: its Linear layers and their sizes, which both the network and every LoRA adapter
 * are shaped by.
 *
 * <p>A leaf: uses no other package of the module.
 */
package org.adaptbench.finetune.architecture;
