/** Adapter strategies: one global adapter, one per preference variant, one per user, and a shared domain adapter used with memory. */
package org.adaptbench.finetune.strategy;
