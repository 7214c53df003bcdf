package org.adaptbench.personalization.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.adaptbench.personalization.ManualClock;
import org.adaptbench.personalization.embed.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMemoryStoreTest extends MemoryStoreContractTest {

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("memories.db");
    }

    @Override
    protected MemoryStore createStore(ManualClock clock) {
        return SqliteMemoryStore.open(file(), DIM, clock);
    }

    @Test
    void memoriesAndHistorySurviveARestart() {
        Random random = new Random(7);
        Memory kept = store.add("alice", new MemoryDraft("I prefer aisle seats", TestVectors.random(random, DIM), "seat", MemoryKind.EXPLICIT, 0.8));
        store.update("alice", kept.id(), new MemoryDraft("I prefer window seats", TestVectors.random(random, DIM), "seat", MemoryKind.EXPLICIT, 0.9));
        store.recordUse("alice", List.of(kept.id()), clock.instant().plusSeconds(60));
        Memory bob = store.add("bob", MemoryDraft.of("bob likes jazz", TestVectors.random(random, DIM)));
        List<Memory> alice = store.list("alice");
        List<HistoryEvent> history = store.history("alice");
        float[] vector = store.vector("alice", kept.id()).orElseThrow();
        store.close();

        store = createStore(clock);
        assertEquals(alice, store.list("alice"));
        assertEquals(history, store.history("alice"));
        assertEquals(List.of(bob), store.list("bob"));
        assertTrue(java.util.Arrays.equals(vector, store.vector("alice", kept.id()).orElseThrow()));
        assertEquals(kept.id(), store.search("alice", vector, 1, MemoryFilter.NONE).get(0).memory().id());
        Memory next = store.add("alice", MemoryDraft.of("after restart", TestVectors.random(random, DIM)));
        assertTrue(next.id() > bob.id(), "ids are never reused");
        assertEquals("ok", ((SqliteMemoryStore) store).integrityCheck());
    }

    @Test
    void hardDeleteLeavesNoTraceInTheDatabaseFiles() throws IOException {
        Random random = new Random(8);
        String marker = "ZQXMARKER" + Long.toHexString(random.nextLong());
        float[] distinctive = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            distinctive[i] = 0.123456f + i * 0.0137f;
        }
        byte[] vectorBytes = littleEndian(Vectors.unitCopy(distinctive, DIM, "v"));
        // short, page-sized and overflowing texts, an update and a history row that names the marker
        Memory first = store.add("alice", MemoryDraft.of("allergic to " + marker, distinctive));
        Memory episode = store.add("alice", new MemoryDraft("[1 May 2024, 9:00 AM] I said " + marker + " aloud", TestVectors.random(random, DIM),
                "", MemoryKind.EPISODE, 1.0));
        store.link("alice", first.id(), episode.id());
        store.add("alice", MemoryDraft.of(marker + " " + "long ".repeat(2000), TestVectors.random(random, DIM)));
        store.update("alice", first.id(), MemoryDraft.of("now " + marker + " again", distinctive));
        for (int i = 0; i < 200; i++) {
            store.add("bob", MemoryDraft.of("bob memory " + i, TestVectors.random(random, DIM)));
            if (i % 50 == 0) {
                store.add("alice", MemoryDraft.of(marker + " number " + i, TestVectors.random(random, DIM)));
            }
        }
        assertTrue(containsInFiles(marker.getBytes(StandardCharsets.UTF_8)), "the marker is on disk before the delete");
        assertTrue(containsInFiles(vectorBytes), "the vector is on disk before the delete");
        // the FTS5 index holds the words lower-cased (and Porter-stemmed: the marker's stem starts with this)
        byte[] indexed = "zqxmarker".getBytes(StandardCharsets.UTF_8);
        assertTrue(containsInFiles(indexed), "the lexical index holds the marker before the delete");
        assertEquals(7, store.lexicalSearch("alice", marker, 20, MemoryFilter.NONE).size(), "every memory of alice naming the marker");

        store.deleteAll("alice");

        assertFalse(containsInFiles(indexed), "a deleted word survives in the lexical index's shadow tables");
        assertFalse(containsInFiles(marker.getBytes(StandardCharsets.UTF_8)), "a deleted text survives in the database files");
        assertFalse(containsInFiles(vectorBytes), "a deleted vector survives in the database files");
        assertFalse(containsInFiles("alice".getBytes(StandardCharsets.UTF_8)), "the forgotten user's id survives in the database files");
        assertEquals(200, store.count("bob"));
        store.close();
        store = createStore(clock);
        assertEquals(200, store.count("bob"));
        assertEquals(0, store.count("alice"));
        assertEquals("ok", ((SqliteMemoryStore) store).integrityCheck());
    }

    @Test
    void deletingOneMemoryAlsoScrubsItFromTheFiles() throws IOException {
        String marker = "ONEMARKER" + Long.toHexString(new Random(9).nextLong());
        Memory keep = store.add("alice", MemoryDraft.of("keep this", TestVectors.axis(0, DIM)));
        Memory gone = store.add("alice", MemoryDraft.of("forget " + marker, TestVectors.axis(1, DIM)));
        assertTrue(containsInFiles(marker.getBytes(StandardCharsets.UTF_8)));
        assertTrue(containsInFiles("onemarker".getBytes(StandardCharsets.UTF_8)), "indexed, lower-cased");
        store.delete("alice", gone.id());
        assertFalse(containsInFiles(marker.getBytes(StandardCharsets.UTF_8)));
        assertFalse(containsInFiles("onemarker".getBytes(StandardCharsets.UTF_8)), "the deleted word left the FTS5 index");
        assertTrue(containsInFiles("keep this".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(keep), store.list("alice"));
        assertEquals(List.of(), store.lexicalSearch("alice", marker, 5, MemoryFilter.NONE));
    }

    @Test
    void aDeletedContextsWordsLeaveTheFilesAndTheRestStaysAcrossARestart() throws IOException {
        String marker = "CTXMARKER" + Long.toHexString(new Random(10).nextLong());
        Memory said = store.add("alice", new MemoryDraft("[1 May 2024, 9:00 AM] I said " + marker, TestVectors.axis(0, DIM), "",
                MemoryKind.EPISODE, 1.0));
        Memory next = store.add("alice", new MemoryDraft("[1 May 2024, 9:01 AM] and then this", TestVectors.axis(1, DIM), "",
                MemoryKind.EPISODE, 1.0, java.util.OptionalLong.of(said.id())));
        Memory after = store.add("alice", new MemoryDraft("[1 May 2024, 9:02 AM] and more", TestVectors.axis(2, DIM), "",
                MemoryKind.EPISODE, 1.0, java.util.OptionalLong.of(next.id())));
        store.close();
        store = createStore(clock);
        assertEquals(java.util.OptionalLong.of(next.id()), store.get("alice", after.id()).orElseThrow().context(), "a restart keeps contexts");
        assertEquals(List.of(said.id(), next.id()), store.lexicalSearch("alice", marker, 5, MemoryFilter.NONE).stream()
                .map(h -> h.memory().id()).sorted().toList());
        assertTrue(containsInFiles("ctxmarker".getBytes(StandardCharsets.UTF_8)));
        store.delete("alice", said.id());
        assertFalse(containsInFiles(marker.getBytes(StandardCharsets.UTF_8)));
        assertFalse(containsInFiles("ctxmarker".getBytes(StandardCharsets.UTF_8)), "the word indexed with the next turn left the FTS5 index");
        assertEquals(List.of(), store.lexicalSearch("alice", marker, 5, MemoryFilter.NONE));
        store.close();
        store = createStore(clock);
        assertEquals(java.util.OptionalLong.empty(), store.get("alice", next.id()).orElseThrow().context(), "cleared in the file too");
        assertEquals(java.util.OptionalLong.of(next.id()), store.get("alice", after.id()).orElseThrow().context());
        assertEquals("ok", ((SqliteMemoryStore) store).integrityCheck());
    }

    @Test
    void aVersionTwoFileIsUpgradedOnOpen() throws Exception {
        Memory old = store.add("alice", new MemoryDraft("[1 May 2024, 9:00 AM] written by an older build", TestVectors.axis(0, DIM), "",
                MemoryKind.EPISODE, 1.0));
        store.close();
        // what a version-2 build wrote: no context column
        try (java.sql.Connection raw = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file());
             java.sql.Statement statement = raw.createStatement()) {
            statement.execute("ALTER TABLE memories DROP COLUMN context_id");
            statement.execute("UPDATE store_meta SET value = '2' WHERE key = 'schema_version'");
        }
        store = createStore(clock);
        assertEquals(List.of(old), store.list("alice"), "its memories read as before, with no context");
        Memory next = store.add("alice", new MemoryDraft("[1 May 2024, 9:01 AM] a reply", TestVectors.axis(1, DIM), "", MemoryKind.EPISODE, 1.0,
                java.util.OptionalLong.of(old.id())));
        assertEquals(2, store.lexicalSearch("alice", "older build", 5, MemoryFilter.NONE).size(), "the index kept, the new row indexed with its context");
        assertEquals(java.util.OptionalLong.of(old.id()), next.context());
        assertEquals("ok", ((SqliteMemoryStore) store).integrityCheck());
    }

    @Test
    void aUnitIsOneTransactionThatOtherConnectionsSeeOnlyWhenItEnds() throws Exception {
        try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file())) {
            store.atomically(() -> {
                Memory episode = store.add("alice", new MemoryDraft("said: tea", TestVectors.axis(1, DIM), "", MemoryKind.EPISODE, 1.0));
                Memory preference = store.add("alice", MemoryDraft.of("likes tea", TestVectors.axis(2, DIM)));
                store.link("alice", preference.id(), episode.id());
                store.recordUse("alice", List.of(preference.id()), clock.instant());
                assertEquals(0, rows(other, "memories"), "a write inside the unit was committed on its own");
                assertEquals(0, rows(other, "episode_links"));
                return null;
            });
            assertEquals(2, rows(other, "memories"));
            assertEquals(1, rows(other, "episode_links"));
            assertEquals(2, rows(other, "history"));
        }
    }

    @Test
    void aUnitThatThrowsLeavesNothingInTheFileOrTheCache() {
        Memory kept = store.add("alice", MemoryDraft.of("keep me", TestVectors.axis(0, DIM)));
        List<HistoryEvent> history = store.history("alice");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store.atomically(() -> {
            store.add("alice", MemoryDraft.of("half written", TestVectors.axis(1, DIM)));
            store.recordUse("alice", List.of(kept.id()), clock.instant().plusSeconds(5));
            store.delete("alice", kept.id());
            throw new IllegalStateException("the caller failed midway");
        }));
        assertEquals("the caller failed midway", thrown.getMessage());
        assertEquals(List.of(kept), store.list("alice"), "the cache is back to the file's state");
        assertEquals(history, store.history("alice"));
        assertEquals(List.of(), store.lexicalSearch("alice", "half written", 5, MemoryFilter.NONE));
        store.close();
        store = createStore(clock);
        assertEquals(List.of(kept), store.list("alice"));
        assertEquals("ok", ((SqliteMemoryStore) store).integrityCheck());
    }

    @Test
    void deletesInsideAUnitScrubTheFilesWhenItEnds() throws IOException {
        String marker = "UNITMARKER" + Long.toHexString(new Random(10).nextLong());
        Memory keep = store.add("alice", MemoryDraft.of("keep this", TestVectors.axis(0, DIM)));
        List<Long> gone = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            gone.add(store.add("alice", MemoryDraft.of("forget " + marker + " " + i, TestVectors.axis(1 + i, DIM))).id());
        }
        assertTrue(containsInFiles(marker.getBytes(StandardCharsets.UTF_8)));
        store.atomically(() -> gone.stream().filter(id -> store.delete("alice", id)).count());
        assertFalse(containsInFiles(marker.getBytes(StandardCharsets.UTF_8)));
        assertFalse(containsInFiles("unitmark".getBytes(StandardCharsets.UTF_8)), "the deleted words left the FTS5 index");
        assertEquals(List.of(keep), store.list("alice"));
    }

    @Test
    void durabilityChoosesTheSyncOfEachCommit() {
        assertEquals(2, ((SqliteMemoryStore) store).synchronousLevel(), "FULL is the default");
        try (SqliteMemoryStore scratch = SqliteMemoryStore.open(folder.resolve("scratch.db"), DIM, clock,
                SqliteMemoryStore.DEFAULT_MAX_CACHED_MEMORIES, Durability.NORMAL)) {
            assertEquals(1, scratch.synchronousLevel());
            Memory memory = scratch.add("alice", MemoryDraft.of("likes tea", TestVectors.axis(0, DIM)));
            assertEquals(List.of(memory), scratch.list("alice"));
        }
    }

    private static long rows(java.sql.Connection connection, String table) {
        try (java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFileThatIsNotSqliteIsRejectedByName() throws IOException {
        Path notSqlite = folder.resolve("notes.db");
        Files.writeString(notSqlite, "these are my notes, not a database ".repeat(20));
        MemoryStoreException e = assertThrows(MemoryStoreException.class, () -> SqliteMemoryStore.open(notSqlite, DIM));
        assertTrue(e.getMessage().contains(notSqlite.toString()) && e.getMessage().contains("not a SQLite database"), e.getMessage());
        assertEquals("these are my notes, not a database ".repeat(20), Files.readString(notSqlite), "the file is left alone");
    }

    @Test
    void aCorruptDatabaseIsRejectedWithAClearError() throws IOException {
        Random random = new Random(10);
        for (int i = 0; i < 300; i++) {
            store.add("u" + (i % 5), MemoryDraft.of("memory " + i, TestVectors.random(random, DIM)));
        }
        store.close();
        byte[] bytes = Files.readAllBytes(file());
        // keep the header, overwrite the schema page and beyond with garbage
        for (int i = 100; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt();
        }
        Files.write(file(), bytes);
        MemoryStoreException e = assertThrows(MemoryStoreException.class, () -> SqliteMemoryStore.open(file(), DIM));
        assertTrue(e.getMessage().contains(file().toString()), e.getMessage());
        store = createStore(clock, folder.resolve("fresh.db"));
    }

    @Test
    void reopeningWithAnotherDimensionIsRejected() {
        store.close();
        MemoryStoreException e = assertThrows(MemoryStoreException.class, () -> SqliteMemoryStore.open(file(), DIM + 1));
        assertTrue(e.getMessage().contains("holds 16-d vectors, but the store was opened for 17-d vectors"), e.getMessage());
        store = createStore(clock);
    }

    @Test
    void aMissingFolderIsNamed() {
        Path missing = folder.resolve("no/such/folder/memories.db");
        MemoryStoreException e = assertThrows(MemoryStoreException.class, () -> SqliteMemoryStore.open(missing, DIM));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    private MemoryStore createStore(ManualClock clock, Path path) {
        return SqliteMemoryStore.open(path, DIM, clock);
    }

    private boolean containsInFiles(byte[] needle) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Path path = Path.of(file() + suffix);
            if (Files.exists(path) && indexOf(Files.readAllBytes(path), needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] littleEndian(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * vector.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }
}
