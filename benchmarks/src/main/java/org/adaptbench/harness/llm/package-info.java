/**
 * Remote LLMs (OpenAI-compatible endpoints, Ollama) as answer models and extractors; never
 * required. Uses the answer model and the usage errors.
 */
package org.adaptbench.harness.llm;
