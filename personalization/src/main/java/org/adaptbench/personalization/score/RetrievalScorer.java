package org.adaptbench.personalization.score;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.adaptbench.personalization.store.Memory;
import org.adaptbench.personalization.store.MemoryHit;

/**
 * Ranks search hits by the composite score of {@link ScoreWeights}; stateless and thread-safe.
 */
public final class RetrievalScorer {

    private final ScoreWeights weights;

    public RetrievalScorer(ScoreWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    public ScoreWeights weights() {
        return weights;
    }

    /** Scores {@code hit} at time {@code now}. */
    public ScoredMemory score(MemoryHit hit, Instant now) {
        Memory memory = hit.memory();
        double recency = recency(memory, now, weights.recencyHalfLife());
        double activation = retrievalProbability(baseLevelActivation(memory, now, weights.decay()));
        double score = weights.similarity() * hit.similarity()
                + weights.recency() * recency
                + weights.activation() * activation
                + weights.confidence() * memory.confidence();
        return new ScoredMemory(memory, score, hit.similarity(), recency, activation, memory.confidence());
    }

    /** The best {@code k} of {@code hits} by composite score, best first; ties go to the lower id. */
    public List<ScoredMemory> rank(List<MemoryHit> hits, int k, Instant now) {
        List<ScoredMemory> scored = new ArrayList<>(hits.size());
        for (MemoryHit hit : hits) {
            scored.add(score(hit, now));
        }
        scored.sort(Comparator.comparingDouble(ScoredMemory::score).reversed().thenComparingLong(s -> s.memory().id()));
        return scored.size() > k ? List.copyOf(scored.subList(0, k)) : scored;
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
