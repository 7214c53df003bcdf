/**
 * The adapter registry: register, save, load, attach, detach, merge and serve adapters, with mixed-adapter batches.
 *
 * <p>May use {@code architecture}, {@code checkpoint}, {@code lora}, {@code model} and {@code runtime}.
 */
package org.adaptbench.finetune.adapter;
