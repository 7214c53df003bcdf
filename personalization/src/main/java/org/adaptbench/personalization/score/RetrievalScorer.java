package org.adaptbench.personalization.score;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.adaptbench.personalization.store.LexicalHit;
import org.adaptbench.personalization.store.Memory;
import org.adaptbench.personalization.store.MemoryHit;

/**
 * Ranks search hits, dense, lexical or both fused, by the composite score of {@link ScoreWeights};
 * stateless and thread-safe.
 */
public final class RetrievalScorer {

    private final ScoreWeights weights;

    public RetrievalScorer(ScoreWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    public ScoreWeights weights() {
        return weights;
    }

    /** Scores {@code hit} at time {@code now} as the first and only hit of a dense search. */
    public ScoredMemory score(MemoryHit hit, Instant now) {
        return score(hit.memory(), hit.similarity(), dense(hit.similarity(), 1), 0.0, now);
    }

    /** The best {@code k} of dense {@code hits} (best first) by composite score, best first; ties go to the lower id. */
    public List<ScoredMemory> rank(List<MemoryHit> hits, int k, Instant now) {
        return fuse(hits, List.of(), memory -> 0.0, k, now);
    }

    /**
     * Fuses a dense and a lexical search of the same query (each best first) and returns the best
     * {@code k} candidates by composite score, best first; ties go to the lower id. A candidate found
     * only lexically gets its cosine from {@code cosineOf} (the store holds its vector).
     */
    public List<ScoredMemory> fuse(List<MemoryHit> dense, List<LexicalHit> lexical, ToDoubleFunction<Memory> cosineOf, int k, Instant now) {
        Map<Long, ScoredMemory> scored = new LinkedHashMap<>();
        Map<Long, Integer> lexicalRank = new HashMap<>();
        Map<Long, Double> lexicalScore = new HashMap<>();
        double best = lexical.isEmpty() ? 0.0 : lexical.get(0).score();
        for (int i = 0; i < lexical.size(); i++) {
            lexicalRank.putIfAbsent(lexical.get(i).memory().id(), i + 1);
            lexicalScore.putIfAbsent(lexical.get(i).memory().id(), lexical.get(i).score());
        }
        for (int i = 0; i < dense.size(); i++) {
            MemoryHit hit = dense.get(i);
            long id = hit.memory().id();
            if (!scored.containsKey(id)) {
                scored.put(id, score(hit.memory(), hit.similarity(), dense(hit.similarity(), i + 1),
                        lex(lexicalScore.get(id), lexicalRank.get(id), best), now));
            }
        }
        for (LexicalHit hit : lexical) {
            long id = hit.memory().id();
            if (!scored.containsKey(id)) {
                double cosine = cosineOf.applyAsDouble(hit.memory());
                // not in the dense list: RRF gives it no dense rank, a weighted sum its cosine
                double denseTerm = weights.fusion() == Fusion.RRF ? 0.0 : cosine;
                scored.put(id, score(hit.memory(), cosine, denseTerm, lex(hit.score(), lexicalRank.get(id), best), now));
            }
        }
        List<ScoredMemory> ranked = new ArrayList<>(scored.values());
        ranked.sort(Comparator.comparingDouble(ScoredMemory::score).reversed().thenComparingLong(s -> s.memory().id()));
        return ranked.size() > k ? List.copyOf(ranked.subList(0, k)) : ranked;
    }

    private double dense(double cosine, int rank) {
        return weights.fusion() == Fusion.RRF ? reciprocalRank(rank) : cosine;
    }

    private double lex(Double score, Integer rank, double best) {
        if (score == null || rank == null) {
            return 0.0;
        }
        return weights.fusion() == Fusion.RRF ? reciprocalRank(rank) : best > 0 ? score / best : 0.0;
    }

    /** {@code (K + 1) / (K + rank)}: 1 for the first hit of a list. */
    private static double reciprocalRank(int rank) {
        return (ScoreWeights.RRF_K + 1.0) / (ScoreWeights.RRF_K + rank);
    }

    private ScoredMemory score(Memory memory, double cosine, double denseTerm, double lexicalTerm, Instant now) {
        double recency = recency(memory, now, weights.recencyHalfLife());
        double activation = retrievalProbability(baseLevelActivation(memory, now, weights.decay()));
        double score = weights.similarity() * denseTerm
                + weights.lexical() * lexicalTerm
                + weights.recency() * recency
                + weights.activation() * activation
                + weights.confidence() * memory.confidence();
        return new ScoredMemory(memory, score, cosine, lexicalTerm, recency, activation, memory.confidence());
    }

    /** {@code 2^(−age/halfLife)} with age measured from the memory's last write; 1 for a future write. */
    public static double recency(Memory memory, Instant now, Duration halfLife) {
        double ageSeconds = Math.max(0.0, Duration.between(memory.updatedAt(), now).toMillis() / 1000.0);
        return Math.pow(2.0, -ageSeconds / (halfLife.toMillis() / 1000.0));
    }

    /**
     * ACT-R base-level activation {@code B = ln Σ_j t_j^(−d)} of the memory's uses, with t in
     * seconds (at least 1); uses beyond the kept window are approximated (see {@link ScoreWeights}).
     */
    public static double baseLevelActivation(Memory memory, Instant now, double decay) {
        double sum = 0.0;
        List<Instant> recent = memory.recentUses();
        for (Instant use : recent) {
            sum += Math.pow(secondsSince(use, now), -decay);
        }
        int older = memory.useCount() - recent.size();
        if (older > 0) {
            double first = secondsSince(memory.updatedAt(), now);
            double oldestKept = secondsSince(recent.get(0), now);
            if (first - oldestKept < 1e-9) {
                sum += older * Math.pow(oldestKept, -decay);
            } else {
                sum += older * (Math.pow(first, 1 - decay) - Math.pow(oldestKept, 1 - decay)) / ((1 - decay) * (first - oldestKept));
            }
        }
        return Math.log(sum);
    }

    /** ACT-R retrieval probability {@code 1 / (1 + e^(−(B − τ)/s))} under these weights' τ and s. */
    public double retrievalProbability(double activation) {
        return 1.0 / (1.0 + Math.exp(-(activation - weights.activationThreshold()) / weights.activationNoise()));
    }

    private static double secondsSince(Instant use, Instant now) {
        return Math.max(1.0, Duration.between(use, now).toMillis() / 1000.0);
    }
}
