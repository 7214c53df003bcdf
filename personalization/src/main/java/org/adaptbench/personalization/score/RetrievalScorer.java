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

    /** Scores {@code hit} at time {@code now} as the first and only hit of a dense search (its dense term is 1). */
    public ScoredMemory score(MemoryHit hit, Instant now) {
        return score(hit.memory(), hit.similarity(), 1.0, 0.0, now);
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
        Map<Long, Memory> candidates = new LinkedHashMap<>();
        Map<Long, Double> cosines = new HashMap<>();
        Map<Long, Integer> denseRank = new HashMap<>();
        Map<Long, Integer> lexicalRank = new HashMap<>();
        Map<Long, Double> lexicalScore = new HashMap<>();
        for (int i = 0; i < dense.size(); i++) {
            MemoryHit hit = dense.get(i);
            if (candidates.putIfAbsent(hit.memory().id(), hit.memory()) == null) {
                cosines.put(hit.memory().id(), hit.similarity());
                denseRank.put(hit.memory().id(), i + 1);
            }
        }
        for (int i = 0; i < lexical.size(); i++) {
            LexicalHit hit = lexical.get(i);
            long id = hit.memory().id();
            if (!lexicalRank.containsKey(id)) {
                lexicalRank.put(id, i + 1);
                lexicalScore.put(id, hit.score());
            }
            if (candidates.putIfAbsent(id, hit.memory()) == null) {
                cosines.put(id, cosineOf.applyAsDouble(hit.memory()));
            }
        }
        Range cosineRange = Range.of(cosines.values());
        Range lexicalRange = Range.of(lexicalScore.values());
        List<ScoredMemory> ranked = new ArrayList<>(candidates.size());
        for (Memory memory : candidates.values()) {
            long id = memory.id();
            double cosine = cosines.get(id);
            double denseTerm;
            double lexicalTerm;
            if (weights.fusion() == Fusion.RRF) {
                // a memory found only by words has no dense rank (and the other way round): 0 from that list
                denseTerm = denseRank.containsKey(id) ? reciprocalRank(denseRank.get(id)) : 0.0;
                lexicalTerm = lexicalRank.containsKey(id) ? reciprocalRank(lexicalRank.get(id)) : 0.0;
            } else {
                denseTerm = cosineRange.scale(cosine);
                lexicalTerm = lexicalScore.containsKey(id) ? lexicalRange.scale(lexicalScore.get(id)) : 0.0;
            }
            ranked.add(score(memory, cosine, denseTerm, lexicalTerm, now));
        }
        ranked = withNeighbours(ranked);
        ranked.sort(Comparator.comparingDouble(ScoredMemory::score).reversed().thenComparingLong(s -> s.memory().id()));
        return ranked.size() > k ? List.copyOf(ranked.subList(0, k)) : ranked;
    }

    /**
     * {@code scored} with the neighbour term added: each memory gains {@code neighbour} times the best
     * score among its conversation neighbours in {@code scored} (the memory it has as context, and those
     * that have it as context), all read from the scores before any was raised.
     */
    private List<ScoredMemory> withNeighbours(List<ScoredMemory> scored) {
        if (!weights.enabled(ScoreWeights.Term.NEIGHBOUR)) {
            return scored;
        }
        Map<Long, Double> scoreOf = new HashMap<>();
        scored.forEach(s -> scoreOf.put(s.memory().id(), s.score()));
        Map<Long, Double> bestNeighbour = new HashMap<>();
        for (ScoredMemory s : scored) {
            long id = s.memory().id();
            s.memory().context().ifPresent(previous -> {
                Double before = scoreOf.get(previous);
                if (before != null) {
                    bestNeighbour.merge(id, before, Math::max);
                    bestNeighbour.merge(previous, s.score(), Math::max);
                }
            });
        }
        List<ScoredMemory> raised = new ArrayList<>(scored.size());
        for (ScoredMemory s : scored) {
            Double best = bestNeighbour.get(s.memory().id());
            raised.add(best == null ? s : new ScoredMemory(s.memory(), s.score() + weights.neighbour() * best, s.similarity(), s.lexical(),
                    s.recency(), s.activation(), s.confidence()));
        }
        return raised;
    }

    /** The span of one search's scores, for min-max scaling: the best maps to 1, the worst to 0 (a lone score to 1). */
    private record Range(double min, double max) {

        static Range of(java.util.Collection<Double> values) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double value : values) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
            return new Range(min, max);
        }

        double scale(double value) {
            return max > min ? (value - min) / (max - min) : 1.0;
        }
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
