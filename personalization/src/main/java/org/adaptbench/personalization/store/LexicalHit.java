package org.adaptbench.personalization.store;

import java.util.Objects;

/**
 * A memory found by a lexical (BM25) search, with its BM25 score: higher is better, 0 means no
 * query term matched, and scores compare only within one search.
 */
public record LexicalHit(Memory memory, double score) {

    public LexicalHit {
        Objects.requireNonNull(memory, "memory");
    }
}
