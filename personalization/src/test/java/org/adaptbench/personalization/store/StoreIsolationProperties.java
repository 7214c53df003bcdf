package org.adaptbench.personalization.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.adaptbench.personalization.embed.HashingEmbedder;

/**
 * No operation on user A ever returns anything of user B: every text carries its owner's tag,
 * and every memory, hit and history event a call returns must carry the caller's.
 */
class StoreIsolationProperties {

    private static final int DIM = 16;
    private static final int USERS = 25;
    private static final HashingEmbedder EMBEDDER = new HashingEmbedder(DIM);
    private static final String[] WORDS = {"coffee", "tea", "aisle", "window", "jazz", "rock", "spicy", "mild", "train", "car"};

    enum Kind { ADD, GET, LIST, SEARCH, FILTERED_SEARCH, UPDATE, RECORD_USE, DELETE, DELETE_ALL, HISTORY }

    /** Owner of every id ever created; ids are unique per store and stores are used one at a time. */
    private static final java.util.Map<Long, String> OWNERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Ids every thread picks from, so threads try to read and delete each other's memories. */
    private static final List<Long> SHARED_IDS = new ArrayList<>();

    record Op(Kind kind, int user, int word, int pick) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, Arbitraries.just(Kind.ADD)), net.jqwik.api.Tuple.of(8, Arbitraries.just(Kind.GET)),
                net.jqwik.api.Tuple.of(8, Arbitraries.just(Kind.LIST)), net.jqwik.api.Tuple.of(20, Arbitraries.just(Kind.SEARCH)),
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Kind.FILTERED_SEARCH)), net.jqwik.api.Tuple.of(8, Arbitraries.just(Kind.UPDATE)),
                net.jqwik.api.Tuple.of(5, Arbitraries.just(Kind.RECORD_USE)), net.jqwik.api.Tuple.of(8, Arbitraries.just(Kind.DELETE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.DELETE_ALL)), net.jqwik.api.Tuple.of(6, Arbitraries.just(Kind.HISTORY)));
        Arbitrary<Op> op = Combinators.combine(kinds, Arbitraries.integers().between(0, USERS - 1),
                Arbitraries.integers().between(0, WORDS.length - 1), Arbitraries.integers().between(0, 1_000)).as(Op::new);
        return op.list().ofMinSize(1_000).ofMaxSize(1_200);
    }

    /** 10 tries of at least 1,000 operations each: at least 10,000 operations in one thread. */
    @Property(tries = 10, shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void sequentialOperationsNeverLeakAcrossUsers(@ForAll("operations") List<Op> ops) {
        OWNERS.clear();
        try (MemoryStore store = new InMemoryMemoryStore(DIM)) {
            for (Op op : ops) {
                apply(store, op, new ArrayList<>());
            }
        }
    }

    /** 8 threads hammer one in-memory store at once, 1,500 operations each. */
    @Property(tries = 3)
    void concurrentOperationsNeverLeakAcrossUsers(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) throws Exception {
        try (MemoryStore store = new InMemoryMemoryStore(DIM)) {
            runConcurrently(store, seed, 1_500);
        }
    }

    /** The same on the SQLite backend, fewer operations because every write is synced to disk. */
    @Property(tries = 1)
    void concurrentOperationsNeverLeakAcrossUsersOnSqlite(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) throws Exception {
        Path folder = Files.createTempDirectory("isolation");
        try (MemoryStore store = SqliteMemoryStore.open(folder.resolve("isolation.db"), DIM)) {
            runConcurrently(store, seed, 300);
        } finally {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
        }
    }

    private static void runConcurrently(MemoryStore store, int seed, int opsPerThread) throws Exception {
        OWNERS.clear();
        synchronized (SHARED_IDS) {
            SHARED_IDS.clear();
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Random random = new Random(seed * 31L + t);
                futures.add(pool.submit(() -> {
                    List<Long> seen = SHARED_IDS;
                    Kind[] kinds = Kind.values();
                    for (int i = 0; i < opsPerThread; i++) {
                        Kind kind = random.nextInt(3) == 0 ? Kind.ADD : kinds[random.nextInt(kinds.length)];
                        if (kind == Kind.DELETE_ALL && random.nextInt(10) != 0) {
                            kind = Kind.SEARCH;
                        }
                        apply(store, new Op(kind, random.nextInt(USERS), random.nextInt(WORDS.length), random.nextInt(1_000)), seen);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void apply(MemoryStore store, Op op, List<Long> seenIds) {
        String user = "user-" + op.user();
        String text = "owner=" + user + "| likes " + WORDS[op.word()] + " #" + op.pick();
        switch (op.kind()) {
            case ADD -> {
                Memory memory = store.add(user, new MemoryDraft(text, EMBEDDER.embed(text), "slot-" + op.word() % 3,
                        op.pick() % 2 == 0 ? MemoryKind.EXPLICIT : MemoryKind.IMPLICIT, (op.pick() % 10) / 10.0));
                checkMemory(user, memory);
                synchronized (seenIds) {
                    seenIds.add(memory.id());
                    OWNERS.put(memory.id(), user);
                }
            }
            case GET -> store.get(user, anyId(store, seenIds, op)).ifPresent(m -> checkMemory(user, m));
            case LIST -> store.list(user).forEach(m -> checkMemory(user, m));
            case SEARCH -> store.search(user, EMBEDDER.embed(WORDS[op.word()]), 1 + op.pick() % 8, MemoryFilter.NONE)
                    .forEach(hit -> checkMemory(user, hit.memory()));
            case FILTERED_SEARCH -> store.search(user, EMBEDDER.embed(WORDS[op.word()]), 5,
                            MemoryFilter.slot("slot-" + op.pick() % 3).withMinConfidence(0.3))
                    .forEach(hit -> checkMemory(user, hit.memory()));
            case UPDATE -> {
                long id = anyId(store, seenIds, op);
                if (store.get(user, id).isPresent()) {
                    try {
                        checkMemory(user, store.update(user, id, MemoryDraft.of(text + " (updated)", EMBEDDER.embed(text))));
                    } catch (java.util.NoSuchElementException deletedMeanwhile) {
                        // another thread deleted it between the check and the update
                    }
                }
            }
            case RECORD_USE -> store.recordUse(user, List.of(anyId(store, seenIds, op)), java.time.Instant.now())
                    .forEach(m -> checkMemory(user, m));
            case DELETE -> {
                long id = anyId(store, seenIds, op);
                String owner = OWNERS.get(id);
                boolean deleted = store.delete(user, id);
                assertTrue(!deleted || user.equals(owner), "user " + user + " deleted memory " + id + " of " + owner);
            }
            case DELETE_ALL -> {
                store.deleteAll(user);
            }
            case HISTORY -> store.history(user).forEach(event -> {
                assertEquals(user, event.userId());
                event.previousText().ifPresent(t -> assertOwned(user, t));
                event.newText().ifPresent(t -> assertOwned(user, t));
            });
        }
    }

    private static long anyId(MemoryStore store, List<Long> seenIds, Op op) {
        synchronized (seenIds) {
            return seenIds.isEmpty() ? op.pick() : seenIds.get(op.pick() % seenIds.size());
        }
    }

    private static void checkMemory(String user, Memory memory) {
        assertEquals(user, memory.userId());
        assertOwned(user, memory.text());
    }

    private static void assertOwned(String user, String text) {
        assertTrue(text.startsWith("owner=" + user + "|"), "user " + user + " was shown '" + text + "'");
    }
}
