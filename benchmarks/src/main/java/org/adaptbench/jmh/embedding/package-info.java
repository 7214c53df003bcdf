/**
 * JMH: the MiniLM embedder and its cache.
 */
package org.adaptbench.jmh.embedding;
