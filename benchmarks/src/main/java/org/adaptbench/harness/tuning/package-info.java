/**
 * The tuning protocol: one seeded random search with the same budget for every side that has knobs
 * (the LoRA adapters' and the memory's), each trial replayed on the validation world (pre-training
 * wording, users and items of its own), never on the evaluation world; the search table it writes.
 * Uses config, workload, bench, context, cell, scenario (the replay cell and the controls), metrics and run (its
 * store-folder cleanup); only the CLI uses it.
 */
package org.adaptbench.harness.tuning;
