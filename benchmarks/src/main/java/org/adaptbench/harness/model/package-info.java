/**
 * What answers a multiple-choice prompt: the {@code AnswerModel} interface, the embedded base model
 * behind it, prompts and decisions. Uses {@code finetune-sim} and the embedder.
 */
package org.adaptbench.harness.model;
