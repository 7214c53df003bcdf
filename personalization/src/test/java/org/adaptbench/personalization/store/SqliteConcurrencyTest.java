package org.adaptbench.personalization.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight threads on one SQLite store whose search cache holds two memories, so eviction runs all the
 * time: no use recorded concurrently on the same memories is lost, no update is lost, what the cache
 * answers equals what the file holds (read back by a fresh store), and the file passes its integrity
 * checks at the end.
 */
class SqliteConcurrencyTest {

    private static final int DIM = 8;
    private static final int THREADS = 8;
    private static final int ROUNDS = 40;

    @TempDir
    Path folder;

    @Test
    void concurrentUsesAndUpdatesAreNeitherLostNorStaleWithATinyCache() throws Exception {
        Path file = folder.resolve("concurrency.db");
        Map<String, List<Memory>> seen = new TreeMap<>();
        List<Long> shared = new ArrayList<>();
        try (SqliteMemoryStore store = SqliteMemoryStore.open(file, DIM, Clock.systemUTC(), 2)) {
            Random random = new Random(7);
            for (int i = 0; i < 4; i++) {
                shared.add(store.add("shared", MemoryDraft.of("shared memory " + i, TestVectors.random(random, DIM))).id());
            }
            int before = store.get("shared", shared.get(0)).orElseThrow().useCount();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    Random draws = new Random(100 + thread);
                    String user = "user-" + thread;
                    long own = store.add(user, MemoryDraft.of("version 0 of " + user, TestVectors.random(draws, DIM))).id();
                    for (int round = 1; round <= ROUNDS; round++) {
                        // every thread uses every shared memory once per round
                        store.recordUse("shared", shared, Instant.now());
                        store.update(user, own, MemoryDraft.of("version " + round + " of " + user, TestVectors.random(draws, DIM)));
                        store.search(user, TestVectors.random(draws, DIM), 3, MemoryFilter.NONE);
                        store.search("shared", TestVectors.random(draws, DIM), 2, MemoryFilter.NONE);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            for (long id : shared) {
                assertEquals(before + THREADS * ROUNDS, store.get("shared", id).orElseThrow().useCount(), "a use recorded concurrently was lost");
            }
            for (int t = 0; t < THREADS; t++) {
                List<Memory> memories = store.list("user-" + t);
                assertEquals(1, memories.size());
                assertEquals("version " + ROUNDS + " of user-" + t, memories.get(0).text(), "the last update won");
            }
            for (String user : store.users()) {
                seen.put(user, store.list(user));
            }
            assertEquals("ok", store.integrityCheck());
        }
        try (SqliteMemoryStore reopened = SqliteMemoryStore.open(file, DIM)) {
            assertEquals("ok", reopened.integrityCheck());
            Map<String, List<Memory>> onDisk = new TreeMap<>();
            for (String user : reopened.users()) {
                onDisk.put(user, reopened.list(user));
            }
            assertEquals(seen, onDisk, "what the cached store answered is what the file holds");
            assertTrue(onDisk.containsKey("shared"));
        }
    }
}
