package org.adaptbench.personalization.score;

/** How the dense and the lexical ranking of one search are combined (see {@link ScoreWeights}). */
public enum Fusion {
    /**
     * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): each list contributes
     * {@code (K + 1) / (K + rank)}, 1 for its first hit, with {@code K} = {@value ScoreWeights#RRF_K};
     * a memory absent from a list gets 0 from it. Only ranks count, so the two scores' scales never do.
     */
    RRF,
    /**
     * A weighted sum of the raw scores: the cosine similarity, and the BM25 score divided by the
     * search's best BM25 score (so in [0, 1]).
     */
    WEIGHTED_SUM
}
