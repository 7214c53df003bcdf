/**
 * The checksummed binary format of base-model checkpoints and adapter files.
 *
 * <p>A leaf: uses no other package of the module.
 */
package org.adaptbench.finetune.checkpoint;
