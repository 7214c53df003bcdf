/** The base model: prompts of embedding vectors, the attention-over-context scorer, its DJL runtime and the cosine baseline. */
package org.adaptbench.finetune.model;
