/**
 * JMH: forward passes, adapter lifecycle and mixed-adapter serving of the fine-tuning side.
 */
package org.adaptbench.jmh.finetune;
