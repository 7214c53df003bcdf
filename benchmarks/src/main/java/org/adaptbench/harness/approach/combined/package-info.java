/**
 * The combined approach: the shared domain adapter (trained with injected memories on users who are
 * never evaluated) serving memory, and that adapter alone. Uses the memory and LoRA approaches and
 * the replay loop.
 */
package org.adaptbench.harness.approach.combined;
