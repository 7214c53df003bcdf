package org.adaptbench.personalization.store;

import java.util.Objects;

/**
 * A memory found by a search, with the cosine similarity of its vector to the query.
 */
public record MemoryHit(Memory memory, double similarity) {

    public MemoryHit {
        Objects.requireNonNull(memory, "memory");
    }
}
