/**
 * The seeded synthetic preference world: dimensions and options with skewed popularity, simulated user histories
 * (statements, changes, implicit signals, filler, deletions), the queries put to them, and the base model's
 * pre-training corpus in wording the evaluation never uses.
 *
 * <p>May use {@code jsonl} (a world is written and read in that layout), {@code model} and {@code seed}.
 */
package org.adaptbench.datasets.synthetic;
