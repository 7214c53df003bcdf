/**
 * The DJL PyTorch runtime on the CPU: the engine, its thread count, tensor managers and inference mode.
 *
 * <p>A leaf: uses no other package of the module.
 */
package org.adaptbench.finetune.runtime;
