package org.adaptbench.personalization.score;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The composite retrieval score: its formula and its parameters, in this one place.
 *
 * <p>A search finds candidates twice, by dense similarity (cosine of the embeddings) and by BM25
 * over the words (the store's lexical index), and scores each candidate {@code m} for query
 * {@code q} at time {@code now}:
 * <pre>
 * score = similarity · dense(q, m)                       the dense term, in [0, 1]
 *       + lexical    · lex(q, m)                         the lexical term, in [0, 1]
 *       + recency    · 2^(−age / recencyHalfLife)         age = now − m.updatedAt; 1 when just written, ½ after one half-life
 *       + activation · 1 / (1 + e^(−(B − τ) / s))         ACT-R retrieval probability, in (0, 1)
 *       + confidence · m.confidence                       in [0, 1]
 * final = score + neighbour · max score of m's conversation neighbours among the candidates (0 if none)
 *
 * {@link Fusion#RRF}:          dense = (K+1)/(K + dense rank),  lex = (K+1)/(K + BM25 rank); 0 when not in that list
 * {@link Fusion#WEIGHTED_SUM}: dense = cos(q, m) min-max scaled over the candidates,
 *                              lex = BM25 min-max scaled over the lexical hits; 0 when no word matched
 *
 * B = ln Σ_j t_j^(−d)                                     ACT-R base-level activation over the memory's uses:
 *                                                         t_j = seconds since use j (at least 1), d = {@code decay}
 * </pre>
 * A use is the write of the current text, a restatement, or a retrieval that was injected into a
 * prompt. The last {@value org.adaptbench.personalization.store.Memory#RECENT_USES_KEPT} use times
 * are summed exactly; older ones, known only by their count and the first use time, by Petrov's
 * (2006) approximation {@code (n−k)(t_n^(1−d) − t_k^(1−d)) / ((1−d)(t_n − t_k))}.
 *
 * <p>An episode's conversation neighbours are the turn before it and the turn after it, as the
 * store records them (an episode's lexical context is the episode before it, see
 * {@link org.adaptbench.personalization.store.MemoryDraft#context}). A question is often answered by
 * a reply whose own words share little with it ("Researching adoption agencies" to "What did
 * Caroline research?" when the turn before asked "what are you up to?"): the neighbour term lets a
 * turn next to a strong match rise with it. It reads only the candidates' own scores, so a memory
 * with no relevant neighbour keeps its score.
 *
 * <p>Each term is switched off by a weight of 0 ({@link #enabled}); {@link #similarityOnly()} is a
 * plain vector search. Defaults ({@link #DEFAULTS}; the fusion chosen on LoCoMo's three
 * development conversations, see docs/memory-layer.md): the weighted sum of min-max scaled dense
 * and lexical scores with weight 1 each, recency 0.05 with a 30-day half-life, activation 0.05
 * with d = 0.5, τ = −5, s = 1 (seconds), confidence 0.05, neighbour 0.3 (chosen by leaving one
 * development conversation out, see docs/memory-layer.md). The two similarity terms dominate: the
 * others break near-ties between memories about the same thing, so the newer, more used, more
 * certain one wins; they cannot lift an unrelated memory over a relevant one.
 *
 * @param similarity weight of the dense term
 * @param lexical weight of the lexical (BM25) term
 * @param recency weight of the recency term
 * @param recencyHalfLife age at which the recency term halves
 * @param activation weight of the activation term
 * @param decay ACT-R decay d, in (0, 1)
 * @param activationThreshold ACT-R retrieval threshold τ
 * @param activationNoise ACT-R noise scale s, positive
 * @param confidence weight of the confidence term
 * @param neighbour weight of the best conversation neighbour's score
 * @param fusion how the dense and lexical terms are computed
 */
public record ScoreWeights(double similarity, double lexical, double recency, Duration recencyHalfLife, double activation, double decay,
                           double activationThreshold, double activationNoise, double confidence, double neighbour, Fusion fusion) {

    /** RRF's rank constant K, the value of the paper that introduced it (and of most systems since). */
    public static final int RRF_K = 60;

    /** The documented default weights. */
    public static final ScoreWeights DEFAULTS = new ScoreWeights(1.0, 1.0, 0.05, Duration.ofDays(30), 0.05, 0.5, -5.0, 1.0, 0.05, 0.3,
            Fusion.WEIGHTED_SUM);

    /** The terms, for switching one on or off by name. */
    public enum Term { SIMILARITY, LEXICAL, RECENCY, ACTIVATION, CONFIDENCE, NEIGHBOUR }

    public ScoreWeights {
        requireWeight("similarity", similarity);
        requireWeight("lexical", lexical);
        requireWeight("recency", recency);
        requireWeight("activation", activation);
        requireWeight("confidence", confidence);
        requireWeight("neighbour", neighbour);
        Objects.requireNonNull(recencyHalfLife, "recencyHalfLife");
        Objects.requireNonNull(fusion, "fusion");
        if (recencyHalfLife.isNegative() || recencyHalfLife.isZero()) {
            throw new IllegalArgumentException("recencyHalfLife must be positive, was " + recencyHalfLife);
        }
        if (!(decay > 0.0 && decay < 1.0)) {
            throw new IllegalArgumentException(String.format(Locale.US, "decay must be in (0, 1), was %s", decay));
        }
        if (!Double.isFinite(activationThreshold)) {
            throw new IllegalArgumentException("activationThreshold must be finite, was " + activationThreshold);
        }
        if (!(activationNoise > 0.0) || !Double.isFinite(activationNoise)) {
            throw new IllegalArgumentException(String.format(Locale.US, "activationNoise must be positive, was %s", activationNoise));
        }
        if (similarity + lexical + recency + activation + confidence == 0.0) {
            throw new IllegalArgumentException("at least one score term needs a positive weight");
        }
    }

    /** Cosine similarity alone: a plain vector search. */
    public static ScoreWeights similarityOnly() {
        return DEFAULTS.withWeight(Term.LEXICAL, 0).withWeight(Term.RECENCY, 0).withWeight(Term.ACTIVATION, 0)
                .withWeight(Term.CONFIDENCE, 0).withWeight(Term.NEIGHBOUR, 0).withFusion(Fusion.WEIGHTED_SUM);
    }

    /** These weights with {@code term} set to {@code weight} (0 switches it off). */
    public ScoreWeights withWeight(Term term, double weight) {
        return switch (term) {
            case SIMILARITY -> new ScoreWeights(weight, lexical, recency, recencyHalfLife, activation, decay, activationThreshold, activationNoise, confidence, neighbour, fusion);
            case LEXICAL -> new ScoreWeights(similarity, weight, recency, recencyHalfLife, activation, decay, activationThreshold, activationNoise, confidence, neighbour, fusion);
            case RECENCY -> new ScoreWeights(similarity, lexical, weight, recencyHalfLife, activation, decay, activationThreshold, activationNoise, confidence, neighbour, fusion);
            case ACTIVATION -> new ScoreWeights(similarity, lexical, recency, recencyHalfLife, weight, decay, activationThreshold, activationNoise, confidence, neighbour, fusion);
            case CONFIDENCE -> new ScoreWeights(similarity, lexical, recency, recencyHalfLife, activation, decay, activationThreshold, activationNoise, weight, neighbour, fusion);
            case NEIGHBOUR -> new ScoreWeights(similarity, lexical, recency, recencyHalfLife, activation, decay, activationThreshold, activationNoise, confidence, weight, fusion);
        };
    }

    /** These weights fused by {@code value}. */
    public ScoreWeights withFusion(Fusion value) {
        return new ScoreWeights(similarity, lexical, recency, recencyHalfLife, activation, decay, activationThreshold, activationNoise, confidence, neighbour, value);
    }

    /** The weight of {@code term}. */
    public double weight(Term term) {
        return switch (term) {
            case SIMILARITY -> similarity;
            case LEXICAL -> lexical;
            case RECENCY -> recency;
            case ACTIVATION -> activation;
            case CONFIDENCE -> confidence;
            case NEIGHBOUR -> neighbour;
        };
    }

    /** True when {@code term} counts (its weight is not 0). */
    public boolean enabled(Term term) {
        return weight(term) != 0.0;
    }

    private static void requireWeight(String name, double weight) {
        if (!(weight >= 0.0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException(String.format(Locale.US, "weight %s must be finite and >= 0, was %s", name, weight));
        }
    }
}
