/**
 * The services one run shares: configuration, the embedding cache, the tokenizer, the pre-trained
 * base model (trained or loaded from its cache) and the remote LLM if any. Uses config, model, llm,
 * progress and workload.
 */
package org.adaptbench.harness.bench;
