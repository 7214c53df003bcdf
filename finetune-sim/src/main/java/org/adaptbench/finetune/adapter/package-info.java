/** The adapter registry: train, save, load, attach, detach, merge, combine and serve adapters, with mixed-adapter batches. */
package org.adaptbench.finetune.adapter;
