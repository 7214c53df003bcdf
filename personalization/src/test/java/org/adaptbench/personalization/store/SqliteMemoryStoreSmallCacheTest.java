package org.adaptbench.personalization.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.adaptbench.personalization.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole store contract again with a search cache bounded to two memories, so nearly every access
 * evicts another user's copy and reloads from the file: eviction must never change what the store says.
 */
class SqliteMemoryStoreSmallCacheTest extends MemoryStoreContractTest {

    @TempDir
    Path folder;

    @Override
    protected MemoryStore createStore(ManualClock clock) {
        return SqliteMemoryStore.open(folder.resolve("memories.db"), DIM, clock, 2);
    }

    @Test
    void theCacheStaysWithinItsBoundAndEvictedUsersReloadWhole() {
        Random random = new Random(3);
        SqliteMemoryStore sqlite = (SqliteMemoryStore) store;
        for (String user : List.of("a", "b", "c", "d")) {
            store.add(user, MemoryDraft.of(user + " one", TestVectors.random(random, DIM)));
            store.add(user, MemoryDraft.of(user + " two", TestVectors.random(random, DIM)));
        }
        assertEquals(1, sqlite.cachedUsers(), "two memories a user: one user (counting 3) is kept alone");
        assertEquals(2, sqlite.heldMemories());
        for (String user : List.of("a", "b", "c", "d")) {
            List<Memory> memories = store.list(user);
            assertEquals(List.of(user + " one", user + " two"), memories.stream().map(Memory::text).toList());
            float[] vector = store.vector(user, memories.get(1).id()).orElseThrow();
            assertEquals(memories.get(1).id(), store.search(user, vector, 1, MemoryFilter.NONE).get(0).memory().id());
            assertTrue(sqlite.cachedUsers() <= 1);
            assertEquals(2, sqlite.heldMemories(), "the running count matches the one cached user's memories");
        }
        store.delete("d", store.list("d").get(0).id());
        assertEquals(1, sqlite.heldMemories());
        for (int i = 0; i < 50; i++) {
            store.search("nobody-" + i, TestVectors.random(random, DIM), 1, MemoryFilter.NONE);
        }
        assertTrue(sqlite.cachedUsers() <= 2, "users with no memories do not pile up: " + sqlite.cachedUsers());
    }
}
