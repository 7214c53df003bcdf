/** The checksummed binary format of base-model checkpoints and adapter files. */
package org.adaptbench.finetune.checkpoint;
