/**
 * Reverting a deleted preference on an adapter, and measuring how close behaviour is to a never-learned reference.
 *
 * <p>May use {@code adapter}, {@code model} and {@code train}.
 */
package org.adaptbench.finetune.unlearn;
