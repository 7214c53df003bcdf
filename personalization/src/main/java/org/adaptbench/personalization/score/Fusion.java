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
     * A convex combination of the two scores, each min-max scaled over the search's candidates to
     * [0, 1] (the fusion Bruch, Gai and Ingber, ACM TOIS 2023, found to beat RRF): the best cosine and
     * the best BM25 score map to 1, the worst to 0, a memory matching no word gets 0 lexically.
     */
    WEIGHTED_SUM
}
