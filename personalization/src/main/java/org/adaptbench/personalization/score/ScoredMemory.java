package org.adaptbench.personalization.score;

import java.util.Objects;
import org.adaptbench.personalization.store.Memory;

/**
 * A retrieved memory with its composite score and each term before weighting (see {@link ScoreWeights}).
 *
 * @param memory the memory
 * @param score the weighted sum
 * @param similarity cosine similarity to the query
 * @param lexical the lexical term before weighting (see {@link ScoreWeights}; 0 when no query word matched)
 * @param recency {@code 2^(−age/halfLife)}
 * @param activation ACT-R retrieval probability from the base-level activation
 * @param confidence the memory's confidence
 */
public record ScoredMemory(Memory memory, double score, double similarity, double lexical, double recency, double activation, double confidence) {

    public ScoredMemory {
        Objects.requireNonNull(memory, "memory");
    }
}
