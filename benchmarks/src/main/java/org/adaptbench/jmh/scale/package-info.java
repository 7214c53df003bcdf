/**
 * The scale benchmark: one base model serving N users, memory (the durable SQLite store) against
 * per-user adapters (files on disk, an LRU cache of resident ones, mixed batches), measured at
 * growing N with a projection beyond the largest N. A plain program behind {@code adaptbench scale},
 * not a JMH benchmark: it reports latency percentiles, cache hit rates and resident memory, which
 * JMH's fixed-time iterations do not.
 *
 * <p>May use the harness (its extraction and the memory approach's recall query), {@code jmh.finetune}'s
 * fixtures and the four leaf modules.
 */
package org.adaptbench.jmh.scale;
