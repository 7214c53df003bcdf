/**
 * Preference extraction from conversation turns: the library's own turn type, an offline pattern extractor, an LLM extractor on a langchain4j ChatModel, and slot classification.
 */
package org.adaptbench.personalization.extract;
