/**
 * Adapter strategies that train adapters on pooled users: one global adapter, one per preference variant, and a
 * shared domain adapter used with memory; and the names of adapters, per user and per variant.
 *
 * <p>May use {@code adapter}, {@code model} and {@code train}.
 */
package org.adaptbench.finetune.strategy;
