/**
 * Preference extraction from conversation turns: the library's own turn type, an offline pattern extractor, an LLM extractor on a langchain4j ChatModel, and slot classification.
 *
 * <p>May use {@code embed} (slot prototypes are embedded) and {@code store} (the kind of memory a signal becomes).
 */
package org.adaptbench.personalization.extract;
