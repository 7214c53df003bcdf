/**
 * Rendering memories into a fenced, quoted system-prompt section under a real-tokenizer budget.
 */
package org.adaptbench.personalization.context;
