package org.adaptbench.personalization.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.adaptbench.personalization.store.Memory;
import org.adaptbench.personalization.store.LexicalHit;
import org.adaptbench.personalization.store.MemoryHit;
import org.adaptbench.personalization.store.MemoryKind;
import org.junit.jupiter.api.Test;

class RetrievalScorerTest {

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    private static Memory memory(long id, Instant written, double confidence, List<Instant> uses, int useCount) {
        return new Memory(id, "u", "m" + id, "", MemoryKind.EXPLICIT, confidence, written, written, useCount, uses);
    }

    private static Memory written(long id, Duration ago, double confidence) {
        Instant at = NOW.minus(ago);
        return memory(id, at, confidence, List.of(at), 1);
    }

    @Test
    void baseLevelActivationIsTheActRSumOverUses() {
        Instant a = NOW.minusSeconds(100);
        Instant b = NOW.minusSeconds(400);
        Memory m = memory(1, b, 1, List.of(b, a), 2);
        double expected = Math.log(Math.pow(400, -0.5) + Math.pow(100, -0.5));
        assertEquals(expected, RetrievalScorer.baseLevelActivation(m, NOW, 0.5), 1e-12);
        assertTrue(RetrievalScorer.baseLevelActivation(m, NOW, 0.5) > RetrievalScorer.baseLevelActivation(written(2, Duration.ofSeconds(400), 1), NOW, 0.5),
                "more uses, more activation");
        assertEquals(0.0, RetrievalScorer.baseLevelActivation(written(3, Duration.ZERO, 1), NOW, 0.5), 1e-12, "t is at least one second");
    }

    @Test
    void theApproximationForOldUsesIsCloseToTheExactSum() {
        // 100 uses, one an hour; the memory keeps the last 16 exactly
        List<Instant> all = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            all.add(NOW.minusSeconds(3600L * i));
        }
        double exact = Math.log(all.stream().mapToDouble(t -> Math.pow((NOW.getEpochSecond() - t.getEpochSecond()), -0.5)).sum());
        Memory m = memory(1, all.get(0), 1, all.subList(all.size() - Memory.RECENT_USES_KEPT, all.size()), 100);
        double approximate = RetrievalScorer.baseLevelActivation(m, NOW, 0.5);
        assertEquals(exact, approximate, 0.02, "Petrov's approximation");
    }

    @Test
    void eachTermCanBeSwitchedOffAndShowsWhatItBuys() {
        Memory stale = written(1, Duration.ofDays(120), 0.5);
        Memory fresh = written(2, Duration.ofHours(1), 0.5);
        List<MemoryHit> tie = List.of(new MemoryHit(stale, 0.8), new MemoryHit(fresh, 0.8));
        assertEquals(2, new RetrievalScorer(ScoreWeights.DEFAULTS).rank(tie, 1, NOW).get(0).memory().id(), "recency breaks the tie");
        assertEquals(1, new RetrievalScorer(ScoreWeights.similarityOnly()).rank(tie, 1, NOW).get(0).memory().id(), "without it the lower id wins");

        Memory sure = written(3, Duration.ofDays(1), 1.0);
        Memory unsure = written(4, Duration.ofDays(1), 0.2);
        List<MemoryHit> confidenceTie = List.of(new MemoryHit(unsure, 0.7), new MemoryHit(sure, 0.7));
        ScoreWeights confidenceOnly = ScoreWeights.similarityOnly().withWeight(ScoreWeights.Term.CONFIDENCE, 0.1);
        assertEquals(3, new RetrievalScorer(confidenceOnly).rank(confidenceTie, 1, NOW).get(0).memory().id());

        // a lone dense hit is the best of its search: its scaled dense term is 1
        ScoredMemory scored = new RetrievalScorer(ScoreWeights.DEFAULTS).score(new MemoryHit(fresh, 0.6), NOW);
        double recency = Math.pow(2, -3600.0 / Duration.ofDays(30).toSeconds());
        double activation = 1 / (1 + Math.exp(-(Math.log(Math.pow(3600, -0.5)) + 5)));
        assertEquals(1.0 + 0.05 * recency + 0.05 * activation + 0.05 * 0.5, scored.score(), 1e-12);
        assertEquals(0.6, scored.similarity(), 1e-12, "the raw cosine is kept");
        assertEquals(recency, scored.recency(), 1e-12);
        assertEquals(activation, scored.activation(), 1e-12);
    }

    @Test
    void similarityDominatesUnrelatedMemories() {
        Memory relevantButOld = written(1, Duration.ofDays(365), 0.5);
        Memory irrelevantButFresh = written(2, Duration.ZERO, 1.0);
        List<ScoredMemory> ranked = new RetrievalScorer(ScoreWeights.DEFAULTS.withFusion(Fusion.WEIGHTED_SUM))
                .rank(List.of(new MemoryHit(relevantButOld, 0.75), new MemoryHit(irrelevantButFresh, 0.2)), 2, NOW);
        assertEquals(1, ranked.get(0).memory().id());
    }

    @Test
    void fusionCombinesTheDenseAndTheLexicalRanking() {
        Memory both = written(1, Duration.ofDays(1), 1.0);
        Memory denseOnly = written(2, Duration.ofDays(1), 1.0);
        Memory wordsOnly = written(3, Duration.ofDays(1), 1.0);
        List<MemoryHit> dense = List.of(new MemoryHit(denseOnly, 0.9), new MemoryHit(both, 0.8));
        List<LexicalHit> lexical = List.of(new LexicalHit(wordsOnly, 7.0), new LexicalHit(both, 5.0));
        ScoreWeights plain = ScoreWeights.similarityOnly().withWeight(ScoreWeights.Term.LEXICAL, 1);
        // weighted sum, min-max scaled over the candidates (cosines 0.2..0.9, BM25 5..7): 2 = 1 + 0, 3 = 0 + 1, 1 = 6/7 + 0
        List<ScoredMemory> summed = new RetrievalScorer(plain).fuse(dense, lexical, m -> 0.2, 3, NOW);
        assertEquals(List.of(2L, 3L, 1L), summed.stream().map(s -> s.memory().id()).toList(), summed.toString());
        assertEquals(0.0, summed.get(1).similarity() - 0.2, 1e-12, "a memory found only by words gets its stored cosine");
        assertEquals((0.8 - 0.2) / (0.9 - 0.2), summed.get(2).score(), 1e-12);
        // RRF: found by both lists beats the first of either list alone
        List<ScoredMemory> fused = new RetrievalScorer(plain.withFusion(Fusion.RRF)).fuse(dense, lexical, m -> 0.2, 3, NOW);
        assertEquals(1L, fused.get(0).memory().id(), fused.toString());
        assertEquals(2 * 61.0 / 62, fused.get(0).score(), 1e-12);
        assertEquals(2, new RetrievalScorer(plain).fuse(dense, lexical, m -> 0.2, 2, NOW).size(), "at most k");
    }

    @Test
    void aTurnNextToAStrongMatchRisesWithItByTheNeighbourWeight() {
        Instant at = NOW.minus(Duration.ofDays(1));
        Memory question = written(1, Duration.ofDays(1), 1.0);
        Memory reply = new Memory(2, "u", "m2", "", MemoryKind.EPISODE, 1.0, at, at, 1, List.of(at), java.util.OptionalLong.of(1));
        Memory unrelated = written(3, Duration.ofDays(1), 1.0);
        Memory far = written(4, Duration.ofDays(1), 1.0);
        List<MemoryHit> dense = List.of(new MemoryHit(question, 0.9), new MemoryHit(unrelated, 0.6), new MemoryHit(reply, 0.5),
                new MemoryHit(far, 0.1));
        ScoreWeights plain = ScoreWeights.similarityOnly();
        // min-max scaled over 0.1..0.9: question 1, unrelated 0.625, reply 0.5, far 0
        List<ScoredMemory> without = new RetrievalScorer(plain).fuse(dense, List.of(), m -> 0.0, 4, NOW);
        assertEquals(List.of(1L, 3L, 2L, 4L), without.stream().map(s -> s.memory().id()).toList());
        List<ScoredMemory> with = new RetrievalScorer(plain.withWeight(ScoreWeights.Term.NEIGHBOUR, 0.3)).fuse(dense, List.of(), m -> 0.0, 4, NOW);
        assertEquals(List.of(1L, 2L, 3L, 4L), with.stream().map(s -> s.memory().id()).toList(), with.toString());
        assertEquals(0.5 + 0.3 * 1.0, with.get(1).score(), 1e-12, "the reply gains 0.3 of the question's score");
        assertEquals(1.0 + 0.3 * 0.5, with.get(0).score(), 1e-12, "and the question 0.3 of the reply's, read before either rose");
        assertEquals(0.625, with.get(2).score(), 1e-12, "a memory with no neighbour among the candidates keeps its score");
        assertEquals(List.of(1L, 3L), new RetrievalScorer(plain.withWeight(ScoreWeights.Term.NEIGHBOUR, 0.3))
                .fuse(dense.subList(0, 2), List.of(), m -> 0.0, 4, NOW).stream().map(s -> s.memory().id()).toList(),
                "a neighbour that is no candidate lifts nothing");
    }

    @Test
    void weightsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> ScoreWeights.DEFAULTS.withWeight(ScoreWeights.Term.RECENCY, -1));
        assertThrows(IllegalArgumentException.class, () -> ScoreWeights.similarityOnly().withWeight(ScoreWeights.Term.SIMILARITY, 0));
        assertThrows(IllegalArgumentException.class, () -> new ScoreWeights(1, 0, 0, Duration.ZERO, 0, 0.5, -5, 1, 0, 0, Fusion.RRF));
        assertThrows(IllegalArgumentException.class, () -> new ScoreWeights(1, 0, 0, Duration.ofDays(1), 0, 1.0, -5, 1, 0, 0, Fusion.RRF));
        assertTrue(!ScoreWeights.similarityOnly().enabled(ScoreWeights.Term.ACTIVATION));
    }
}
