/** LoRA: the Linear block that carries low-rank updates, adapter values and their shape. */
package org.adaptbench.finetune.lora;
