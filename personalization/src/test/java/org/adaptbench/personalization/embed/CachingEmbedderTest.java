package org.adaptbench.personalization.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingEmbedderTest {

    /** Counts how many texts reach the model. */
    static class CountingEmbedder implements Embedder {
        final AtomicInteger embedded = new AtomicInteger();
        final HashingEmbedder inner = new HashingEmbedder(8);

        @Override
        public float[] embed(String text) {
            return embedAll(List.of(text)).get(0);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            embedded.addAndGet(texts.size());
            return inner.embedAll(texts);
        }

        @Override
        public int dimension() {
            return 8;
        }

        @Override
        public String modelId() {
            return "counting";
        }
    }

    @Test
    void eachDistinctTextIsEmbeddedOnceAndHitsAreCounted() {
        CountingEmbedder model = new CountingEmbedder();
        CachingEmbedder cache = new CachingEmbedder(model);
        float[] first = cache.embed("hello world");
        List<float[]> batch = cache.embedAll(List.of("hello world", "goodbye", "goodbye"));
        assertArrayEquals(first, batch.get(0));
        assertArrayEquals(new HashingEmbedder(8).embed("goodbye"), batch.get(1));
        assertEquals(2, model.embedded.get(), "the batch embedded 'goodbye' once");
        assertEquals(new CacheStats(2, 2, 2, 0), cache.stats());
        assertEquals("2 texts embedded, 2 lookups answered from the cache (50.0 %), 0 dropped by forgetting",
                cache.stats().describe());
        batch.get(0)[0] = 42f;
        assertFalse(cache.embed("hello world")[0] == 42f, "callers get copies");
        assertEquals("counting", cache.modelId());
    }

    @Test
    void concurrentCallersShareOneComputation() throws Exception {
        CountingEmbedder model = new CountingEmbedder();
        CachingEmbedder cache = new CachingEmbedder(model);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        cache.embedFor("user" + (thread % 3), "text " + (i % 50));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(50, model.embedded.get());
        assertEquals(4_000, cache.stats().hits() + cache.stats().misses());
        assertEquals(50, cache.stats().misses());
    }

    @Test
    void forgettingAnOwnerDropsOnlyTextsNobodyElseHolds() {
        CachingEmbedder cache = new CachingEmbedder(new CountingEmbedder());
        cache.embedFor("alice", "alice only");
        cache.embedFor("alice", "both users");
        cache.embedFor("bob", "both users");
        cache.embedFor("alice", "shared question");
        cache.embed("shared question");
        assertEquals(1, cache.forgetOwner("alice"));
        assertFalse(cache.contains("alice only"));
        assertTrue(cache.contains("both users"));
        assertTrue(cache.contains("shared question"));
        assertEquals(0, cache.forgetOwner("alice"));
        assertEquals(1, cache.forgetOwner("bob"));
        assertFalse(cache.contains("both users"));
        assertEquals(2, cache.stats().evicted());

        cache.embedFor("carol", "one text");
        assertFalse(cache.forgetText("dave", "one text"));
        assertTrue(cache.forgetText("carol", "one text"));
        assertFalse(cache.contains("one text"));
    }

    @Test
    void aFailingModelLeavesNoEntryBehind() {
        Embedder failing = new CountingEmbedder() {
            @Override
            public List<float[]> embedAll(List<String> texts) {
                throw new IllegalStateException("model crashed");
            }
        };
        CachingEmbedder cache = new CachingEmbedder(failing);
        assertThrows(IllegalStateException.class, () -> cache.embed("x"));
        assertFalse(cache.contains("x"));
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> cache.embed(" "));
        assertTrue(blank.getMessage().contains("blank"));
        assertThrows(IllegalArgumentException.class, () -> cache.embedFor("", "x"));
    }

    @Test
    void miniLmGivesUnitVectorsOf384AndSimilarTextsAreClose() {
        LangChain4jEmbedder minilm = LangChain4jEmbedder.allMiniLmL6V2();
        List<float[]> vectors = minilm.embedAll(List.of("I prefer aisle seats", "I like sitting on the aisle", "The stock market fell today"));
        assertEquals(384, minilm.dimension());
        assertEquals(1.0, Vectors.dot(vectors.get(0), vectors.get(0)), 1e-5);
        assertTrue(Vectors.dot(vectors.get(0), vectors.get(1)) > Vectors.dot(vectors.get(0), vectors.get(2)) + 0.3);
        assertEquals(LangChain4jEmbedder.ALL_MINILM_L6_V2, minilm.modelId());
    }
}
