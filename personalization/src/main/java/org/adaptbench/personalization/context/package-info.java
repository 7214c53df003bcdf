/**
 * Rendering memories into a fenced, quoted system-prompt section under a real-tokenizer budget.
 *
 * <p>May use {@code score} (it renders scored memories).
 */
package org.adaptbench.personalization.context;
