package org.adaptbench.personalization.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.adaptbench.personalization.embed.Vectors;

/**
 * A {@link MemoryStore} in one SQLite file (WAL mode), surviving restarts and crashes.
 *
 * <p><b>Durability.</b> By default ({@link Durability#FULL}, {@code synchronous=FULL}) a write
 * method returns only after its transaction is committed and the WAL synced, so an acknowledged write
 * survives a killed process and a power loss; {@link Durability#NORMAL} skips the sync per commit
 * (still safe against a killed process, never corrupt). Each write method is one transaction;
 * {@link #atomically} makes several calls one transaction (one sync), as {@code PersonalMemory} does
 * for each observed turn. Inside such a unit, a concurrent reader of the same user may see its
 * writes before the commit; if the unit fails, it is rolled back and the search cache reloaded from
 * the file.
 *
 * <p><b>Hard delete.</b> {@code secure_delete=ON} makes SQLite overwrite deleted content with zeros;
 * after every delete the WAL is checkpointed into the main file and truncated, so neither the
 * {@code .db} nor the {@code -wal} file keeps a deleted text or vector (the {@code -shm} file only
 * ever holds page indexes). History rows of deleted memories keep no text. The FTS5 lexical index
 * ({@code memory_terms}) is written in the same transaction as its row and rewritten after a delete,
 * so no deleted word stays in its shadow tables either.
 *
 * <p><b>Lexical search.</b> FTS5's {@code bm25()} (k1 = 1.2, b = 0.75). Its statistics (document
 * frequency, mean length) are those of the whole file, not of one user: FTS5 keeps one set per
 * table. Rankings of a user can therefore shift slightly when other users' texts change the
 * statistics; no result, text or score of another user is ever returned.
 *
 * <p><b>Search.</b> The first access to a user loads that user's vectors into the same contiguous
 * in-RAM layout as {@link InMemoryMemoryStore}; writes update the file first and this cache after
 * the commit. The cache holds at most a set number of memories (by default
 * {@value #DEFAULT_MAX_CACHED_MEMORIES}, each cached user counting one more): loading or growing a user
 * beyond it drops the least recently used other users' copies, which reload from the file when next
 * used. A
 * hard delete drops and zeroes the user's cache entry.
 */
public final class SqliteMemoryStore implements MemoryStore {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /**
     * 1: memories and history; 2: adds the FTS5 lexical index and episode links; 3: adds each memory's
     * lexical context (an older file is upgraded on open).
     */
    private static final int SCHEMA_VERSION = 3;

    private final Path file;
    private final int dimension;
    private final Clock clock;
    private final Connection connection;
    private final Object lock = new Object();
    private final ConcurrentHashMap<String, UserMemories> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> lastUse = new ConcurrentHashMap<>();
    private final AtomicLong useClock = new AtomicLong();
    private final long maxCachedMemories;
    /** Memories in the cache now; changed only under {@code lock}. */
    private long heldMemories;
    /** Depth of nested {@link #atomically} calls on the thread holding {@code lock}; 0 outside a unit. */
    private int unitDepth;
    /** Whether a statement of the current unit failed, so that the unit must roll back. */
    private boolean unitFailed;
    /** Whether the current unit deleted something, so that its end rewrites the lexical index and checkpoints. */
    private boolean unitDeleted;
    private volatile boolean closed;

    /** Default bound of the in-RAM search cache, in memories. */
    public static final long DEFAULT_MAX_CACHED_MEMORIES = 250_000;

    private SqliteMemoryStore(Path file, int dimension, Clock clock, Connection connection, long maxCachedMemories) {
        this.maxCachedMemories = maxCachedMemories;
        this.file = file;
        this.dimension = dimension;
        this.clock = clock;
        this.connection = connection;
    }

    /** Opens {@code file} with the system clock, creating it if missing. */
    public static SqliteMemoryStore open(Path file, int dimension) {
        return open(file, dimension, Clock.systemUTC());
    }

    /**
     * Opens {@code file}, creating it and its schema if missing.
     *
     * @throws MemoryStoreException if the file is not a SQLite database, is corrupt, or holds
     *     vectors of another dimension
     */
    public static SqliteMemoryStore open(Path file, int dimension, Clock clock) {
        return open(file, dimension, clock, DEFAULT_MAX_CACHED_MEMORIES);
    }

    /**
     * Opens {@code file} as {@link #open(Path, int, Clock)} does, keeping at most
     * {@code maxCachedMemories} memories in the in-RAM search cache (a user larger than that is still
     * cached alone while in use).
     */
    public static SqliteMemoryStore open(Path file, int dimension, Clock clock, long maxCachedMemories) {
        return open(file, dimension, clock, maxCachedMemories, Durability.FULL);
    }

    /** Opens {@code file} as {@link #open(Path, int, Clock, long)} does, at the given durability. */
    public static SqliteMemoryStore open(Path file, int dimension, Clock clock, long maxCachedMemories, Durability durability) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(durability, "durability");
        if (maxCachedMemories < 1) {
            throw new IllegalArgumentException("maxCachedMemories must be positive, was " + maxCachedMemories);
        }
        Objects.requireNonNull(clock, "clock");
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive, was " + dimension);
        }
        Path absolute = file.toAbsolutePath();
        checkHeader(absolute);
        Connection connection = null;
        try {
            Properties properties = new Properties();
            properties.setProperty("journal_mode", "WAL");
            properties.setProperty("synchronous", durability.sqliteSynchronous());
            properties.setProperty("busy_timeout", "10000");
            connection = DriverManager.getConnection("jdbc:sqlite:" + absolute, properties);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA secure_delete = ON");
                statement.execute("PRAGMA foreign_keys = ON");
            }
            connection.setAutoCommit(false);
            SqliteMemoryStore store = new SqliteMemoryStore(absolute, dimension, clock, connection, maxCachedMemories);
            store.createOrCheckSchema();
            return store;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof IllegalArgumentException argument) {
                throw argument;
            }
            throw new MemoryStoreException(absolute + " cannot be opened as a memory store: " + e.getMessage(), e);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** Result of SQLite's {@code PRAGMA integrity_check} and FTS5's own check of the lexical index: "ok" for a healthy file. */
    public String integrityCheck() {
        return inTransaction(() -> {
            List<String> lines = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO memory_terms(memory_terms, rank) VALUES('integrity-check', 0)");
            } catch (SQLException e) {
                lines.add("lexical index: " + e.getMessage());
            }
            return String.join("\n", lines);
        });
    }

    /** Bytes of the database file and its WAL on disk now. */
    public long fileBytes() {
        try {
            Path wal = Path.of(file + "-wal");
            return Files.size(file) + (Files.exists(wal) ? Files.size(wal) : 0);
        } catch (IOException e) {
            throw new MemoryStoreException("cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }

    /** Rebuilds the file without free pages; slow on a large file, so callers choose when. */
    public void vacuum() {
        synchronized (lock) {
            checkOpen();
            if (unitDepth > 0) {
                throw new IllegalStateException("VACUUM cannot run inside atomically(...)");
            }
            try {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("VACUUM");
                    statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                } finally {
                    connection.setAutoCommit(false);
                }
            } catch (SQLException e) {
                throw new MemoryStoreException("VACUUM of " + file + " failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public <T> T atomically(java.util.function.Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        synchronized (lock) {
            checkOpen();
            unitDepth++;
            boolean returned = false;
            T result = null;
            try {
                result = work.get();
                returned = true;
            } finally {
                unitDepth--;
                if (unitDepth == 0) {
                    endUnit(returned);
                }
            }
            return result;
        }
    }

    /**
     * Commits the outermost unit (after rewriting the lexical index once if it deleted anything, then
     * checkpointing) or, when its work threw or one of its statements failed, rolls it back and drops
     * the search cache, which may hold the unit's writes.
     */
    private void endUnit(boolean returned) {
        boolean failed = unitFailed || !returned;
        boolean deleted = unitDeleted;
        unitFailed = false;
        unitDeleted = false;
        if (!failed) {
            try {
                if (deleted) {
                    optimizeTerms();
                }
                connection.commit();
            } catch (SQLException e) {
                rollbackUnit(e);
                throw new MemoryStoreException(file + ": committing a unit of writes failed: " + e.getMessage(), e);
            }
            if (deleted) {
                checkpoint();
            }
            return;
        }
        rollbackUnit(null);
        if (returned) {
            throw new MemoryStoreException(file + ": a write inside atomically(...) failed, so the whole unit was rolled back");
        }
    }

    private void rollbackUnit(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            if (cause != null) {
                cause.addSuppressed(rollbackFailure);
            }
        }
        // the cache may hold writes that are not in the file now: reload every user from the file
        cache.clear();
        lastUse.clear();
        heldMemories = 0;
    }

    @Override
    public Memory add(String userId, MemoryDraft draft) {
        StoreInputs.userId(userId);
        float[] unit = Vectors.unitCopy(draft.vector(), dimension, "memory vector");
        synchronized (lock) {
            UserMemories cached = cached(userId);
            String indexed = cached.indexedText(userId, draft.text(), draft.context());
            Instant now = now();
            Memory memory = inTransaction(() -> {
                long id;
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO memories(user_id, text, slot, kind, confidence, created_at, updated_at, use_count, recent_uses, embedding,"
                                + " context_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    insert.setString(1, userId);
                    insert.setString(2, draft.text());
                    insert.setString(3, draft.slot());
                    insert.setString(4, draft.kind().name());
                    insert.setDouble(5, draft.confidence());
                    insert.setLong(6, now.toEpochMilli());
                    insert.setLong(7, now.toEpochMilli());
                    insert.setBytes(8, encodeTimes(List.of(now)));
                    insert.setBytes(9, encodeVector(unit));
                    setContext(insert, 10, draft.context());
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                Memory created = Memory.created(id, userId, draft, now);
                indexTerms(userId, id, indexed);
                insertEvent(created.userId(), id, HistoryEventType.ADDED, now, null, created.text(), false);
                return created;
            });
            cached.put(memory, unit);
            heldMemories++;
            evictBeyondBound(userId); // the user grew: the bound holds after writes as after loads
            return memory;
        }
    }

    @Override
    public Optional<Memory> latest(String userId, MemoryKind kind) {
        StoreInputs.userId(userId);
        return cached(userId).latest(kind);
    }

    @Override
    public Optional<Memory> get(String userId, long id) {
        StoreInputs.userId(userId);
        return cached(userId).get(id);
    }

    @Override
    public List<Memory> list(String userId) {
        StoreInputs.userId(userId);
        return cached(userId).list();
    }

    @Override
    public int count(String userId) {
        StoreInputs.userId(userId);
        return cached(userId).size();
    }

    @Override
    public List<MemoryHit> search(String userId, float[] query, int k, MemoryFilter filter) {
        StoreInputs.userId(userId);
        StoreInputs.k(k);
        Objects.requireNonNull(filter, "filter");
        float[] unit = Vectors.unitCopy(query, dimension, "query vector");
        return cached(userId).search(unit, k, filter);
    }

    /** {@link #lexicalSearches} with one filter, so the single search and the shared one are one piece of SQL. */
    @Override
    public List<LexicalHit> lexicalSearch(String userId, String query, int k, MemoryFilter filter) {
        return lexicalSearches(userId, query, List.of(k), List.of(filter)).get(0);
    }

    /**
     * One FTS5 query for every filter: a row's {@code bm25} comes from the query and the whole index's
     * statistics, not from the join's conditions, so ranking the user's matching rows once (score, then
     * id) and taking for each filter the first {@code k} rows that pass it (tested on the row's columns)
     * gives each filter's own search. FTS5 counts every query word's rows across the index for each
     * query it runs, so a context's two searches (preferences, episodes) cost one.
     */
    @Override
    public List<List<LexicalHit>> lexicalSearches(String userId, String query, List<Integer> ks, List<MemoryFilter> filters) {
        StoreInputs.userId(userId);
        StoreInputs.searches(ks, filters);
        StoreInputs.text(query, "query");
        List<String> terms = LexicalQuery.terms(query);
        List<List<LexicalHit>> hits = new ArrayList<>();
        int[] wanted = new int[filters.size()];
        int open = 0;
        for (int i = 0; i < filters.size(); i++) {
            hits.add(new ArrayList<>());
            // a filter of no kinds matches nothing; leaving it out lets the scan stop once the others are full
            wanted[i] = terms.isEmpty() || filters.get(i).kinds().isEmpty() ? 0 : ks.get(i);
            open += wanted[i] > 0 ? 1 : 0;
        }
        if (open > 0) {
            rank(userId, terms, filters, wanted, open, hits);
        }
        return hits.stream().map(List::copyOf).toList();
    }

    /** Ranks the user's rows matching {@code terms} and hands each to every filter still {@code wanted} that it passes. */
    private void rank(String userId, List<String> terms, List<MemoryFilter> filters, int[] wanted, int open, List<List<LexicalHit>> hits) {
        UserMemories cached = cached(userId);
        synchronized (lock) {
            inTransaction(() -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT m.id, -bm25(memory_terms, 0.0, 1.0), m.kind, m.slot,"
                        + " m.confidence FROM memory_terms JOIN memories m ON m.id = memory_terms.rowid WHERE memory_terms MATCH ?"
                        + " AND m.user_id = ? ORDER BY bm25(memory_terms, 0.0, 1.0), m.id")) {
                    select.setString(1, matchExpression(userId, terms));
                    select.setString(2, userId);
                    try (ResultSet rs = select.executeQuery()) {
                        int remaining = open;
                        while (remaining > 0 && rs.next()) {
                            long id = rs.getLong(1);
                            double score = rs.getDouble(2);
                            MemoryKind kind = MemoryKind.valueOf(rs.getString(3));
                            String slot = rs.getString(4);
                            double confidence = rs.getDouble(5);
                            for (int i = 0; i < filters.size(); i++) {
                                if (wanted[i] == 0 || !filters.get(i).test(kind, slot, confidence)) {
                                    continue;
                                }
                                // a row counts toward k even when the cache lacks it, as a LIMIT would count it
                                List<LexicalHit> own = hits.get(i);
                                cached.get(id).ifPresent(memory -> own.add(new LexicalHit(memory, score)));
                                if (--wanted[i] == 0) {
                                    remaining--;
                                }
                            }
                        }
                    }
                }
                return null;
            });
        }
    }

    @Override
    public void link(String userId, long memoryId, long episodeId) {
        StoreInputs.userId(userId);
        synchronized (lock) {
            UserMemories cached = cached(userId);
            cached.get(memoryId).orElseThrow(() -> InMemoryMemoryStore.missing(userId, memoryId));
            StoreInputs.episode(cached.get(episodeId).orElseThrow(() -> InMemoryMemoryStore.missing(userId, episodeId)));
            inTransaction(() -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT OR IGNORE INTO episode_links(user_id, memory_id, episode_id) VALUES (?, ?, ?)")) {
                    insert.setString(1, userId);
                    insert.setLong(2, memoryId);
                    insert.setLong(3, episodeId);
                    insert.executeUpdate();
                }
                return null;
            });
        }
    }

    @Override
    public List<Long> linkedEpisodes(String userId, long memoryId) {
        StoreInputs.userId(userId);
        synchronized (lock) {
            return inTransaction(() -> {
                List<Long> episodes = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT episode_id FROM episode_links WHERE user_id = ? AND memory_id = ? ORDER BY episode_id")) {
                    select.setString(1, userId);
                    select.setLong(2, memoryId);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            episodes.add(rs.getLong(1));
                        }
                    }
                }
                return episodes;
            });
        }
    }

    /** One query for all of {@code memoryIds}: a recall asks this of every preference among its candidates. */
    @Override
    public java.util.Map<Long, List<Long>> linkedEpisodes(String userId, Collection<Long> memoryIds) {
        StoreInputs.userId(userId);
        java.util.Map<Long, List<Long>> links = new java.util.HashMap<>();
        if (memoryIds.isEmpty()) {
            return links;
        }
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(memoryIds));
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        synchronized (lock) {
            return inTransaction(() -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT memory_id, episode_id FROM episode_links"
                        + " WHERE user_id = ? AND memory_id IN (" + marks + ") ORDER BY memory_id, episode_id")) {
                    select.setString(1, userId);
                    for (int i = 0; i < ids.size(); i++) {
                        select.setLong(i + 2, ids.get(i));
                    }
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            links.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getLong(2));
                        }
                    }
                }
                return links;
            });
        }
    }

    @Override
    public Memory update(String userId, long id, MemoryDraft replacement) {
        StoreInputs.userId(userId);
        float[] unit = Vectors.unitCopy(replacement.vector(), dimension, "memory vector");
        synchronized (lock) {
            UserMemories cached = cached(userId);
            Memory old = cached.get(id).orElseThrow(() -> InMemoryMemoryStore.missing(userId, id));
            Instant now = now();
            Memory updated = old.replacedBy(replacement, now);
            String indexed = cached.indexedText(userId, replacement.text(), replacement.context());
            inTransaction(() -> {
                try (PreparedStatement statement = connection.prepareStatement(
                        "UPDATE memories SET text = ?, slot = ?, kind = ?, confidence = ?, updated_at = ?, use_count = ?,"
                                + " recent_uses = ?, embedding = ?, context_id = ? WHERE id = ? AND user_id = ?")) {
                    statement.setString(1, updated.text());
                    statement.setString(2, updated.slot());
                    statement.setString(3, updated.kind().name());
                    statement.setDouble(4, updated.confidence());
                    statement.setLong(5, now.toEpochMilli());
                    statement.setInt(6, updated.useCount());
                    statement.setBytes(7, encodeTimes(updated.recentUses()));
                    statement.setBytes(8, encodeVector(unit));
                    setContext(statement, 9, replacement.context());
                    statement.setLong(10, id);
                    statement.setString(11, userId);
                    if (statement.executeUpdate() != 1) {
                        throw new MemoryStoreException("memory " + id + " of user " + userId + " is cached but not in " + file);
                    }
                }
                unindexTerms(id);
                indexTerms(userId, id, indexed);
                insertEvent(userId, id, HistoryEventType.UPDATED, now, old.text(), updated.text(), false);
                return null;
            });
            cached.put(updated, unit);
            return updated;
        }
    }

    @Override
    public List<Memory> recordUse(String userId, Collection<Long> ids, Instant at) {
        StoreInputs.userId(userId);
        Objects.requireNonNull(at, "at");
        Instant time = at.truncatedTo(ChronoUnit.MILLIS);
        synchronized (lock) {
            UserMemories cached = cached(userId);
            List<Memory> used = new ArrayList<>();
            for (long id : new java.util.LinkedHashSet<>(ids)) {
                cached.get(id).ifPresent(memory -> used.add(memory.withUse(time)));
            }
            if (used.isEmpty()) {
                return used;
            }
            inTransaction(() -> {
                try (PreparedStatement statement = connection.prepareStatement(
                        "UPDATE memories SET use_count = ?, recent_uses = ? WHERE id = ? AND user_id = ?")) {
                    for (Memory memory : used) {
                        statement.setInt(1, memory.useCount());
                        statement.setBytes(2, encodeTimes(memory.recentUses()));
                        statement.setLong(3, memory.id());
                        statement.setString(4, userId);
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
                return null;
            });
            used.forEach(cached::replaceRecord);
            return used;
        }
    }

    @Override
    public boolean delete(String userId, long id) {
        StoreInputs.userId(userId);
        synchronized (lock) {
            UserMemories cached = cached(userId);
            if (cached.get(id).isEmpty()) {
                return false;
            }
            List<Memory> carriers = cached.withContext(id);
            Instant now = now();
            inTransaction(() -> {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM memories WHERE id = ? AND user_id = ?");
                     PreparedStatement redact = connection.prepareStatement(
                             "UPDATE history SET previous_text = NULL, new_text = NULL, redacted = 1 WHERE user_id = ? AND memory_id = ?")) {
                    unindexTerms(id);
                    delete.setLong(1, id);
                    delete.setString(2, userId);
                    delete.executeUpdate();
                    redact.setString(1, userId);
                    redact.setLong(2, id);
                    redact.executeUpdate();
                }
                // the memories indexed with its words keep only their own (the column is cleared by ON DELETE SET NULL)
                for (Memory carrier : carriers) {
                    unindexTerms(carrier.id());
                    indexTerms(userId, carrier.id(), carrier.text());
                }
                insertEvent(userId, id, HistoryEventType.DELETED, now, null, null, true);
                afterDelete();
                return null;
            });
            cached.remove(id);
            carriers.forEach(carrier -> cached.replaceRecord(carrier.withoutContext()));
            heldMemories--;
            checkpoint();
            return true;
        }
    }

    @Override
    public int deleteAll(String userId) {
        StoreInputs.userId(userId);
        synchronized (lock) {
            checkOpen();
            Instant now = now();
            int deleted = inTransaction(() -> {
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT id FROM memories WHERE user_id = ? ORDER BY id")) {
                    select.setString(1, userId);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                }
                try (PreparedStatement unindex = connection.prepareStatement(
                        "DELETE FROM memory_terms WHERE rowid IN (SELECT id FROM memories WHERE user_id = ?)")) {
                    unindex.setString(1, userId);
                    unindex.executeUpdate();
                }
                // no row names the user afterwards, not even a tombstone: an identifying id (an e-mail
                // address) must not outlive a request to be forgotten (links go with their memories)
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM memories WHERE user_id = ?");
                     PreparedStatement history = connection.prepareStatement("DELETE FROM history WHERE user_id = ?");
                     PreparedStatement links = connection.prepareStatement("DELETE FROM episode_links WHERE user_id = ?")) {
                    delete.setString(1, userId);
                    delete.executeUpdate();
                    history.setString(1, userId);
                    boolean hadHistory = history.executeUpdate() > 0;
                    links.setString(1, userId);
                    links.executeUpdate();
                    if (!ids.isEmpty() || hadHistory) {
                        afterDelete();
                    }
                }
                return ids.size();
            });
            UserMemories dropped = cache.remove(userId);
            lastUse.remove(userId);
            if (dropped != null) {
                heldMemories -= dropped.size();
                dropped.clear();
            }
            checkpoint();
            return deleted;
        }
    }

    @Override
    public List<HistoryEvent> history(String userId) {
        StoreInputs.userId(userId);
        synchronized (lock) {
            return inTransaction(() -> {
                List<HistoryEvent> events = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT seq, memory_id, type, at, previous_text, new_text, redacted FROM history WHERE user_id = ? ORDER BY seq")) {
                    select.setString(1, userId);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            events.add(new HistoryEvent(rs.getLong(1), userId, rs.getLong(2), HistoryEventType.valueOf(rs.getString(3)),
                                    Instant.ofEpochMilli(rs.getLong(4)), Optional.ofNullable(rs.getString(5)),
                                    Optional.ofNullable(rs.getString(6)), rs.getInt(7) != 0));
                        }
                    }
                }
                return events;
            });
        }
    }

    @Override
    public Optional<float[]> vector(String userId, long id) {
        StoreInputs.userId(userId);
        return cached(userId).vector(id);
    }

    @Override
    public long bytesStored(String userId) {
        StoreInputs.userId(userId);
        synchronized (lock) {
            List<HistoryEvent> history = history(userId);
            UserMemories memories = cached(userId);
            if (history.isEmpty() && memories.size() == 0) {
                return 0;
            }
            long links = inTransaction(() -> {
                try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM episode_links WHERE user_id = ?")) {
                    count.setString(1, userId);
                    try (ResultSet rs = count.executeQuery()) {
                        return rs.next() ? rs.getLong(1) : 0L;
                    }
                }
            });
            long bytes = Footprint.userId(userId) + memories.bytes() + Footprint.links(links);
            for (HistoryEvent event : history) {
                bytes += Footprint.event(event);
            }
            return bytes;
        }
    }

    @Override
    public List<String> users() {
        synchronized (lock) {
            return inTransaction(() -> {
                List<String> users = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT DISTINCT user_id FROM memories ORDER BY user_id")) {
                    while (rs.next()) {
                        users.add(rs.getString(1));
                    }
                }
                return users;
            });
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            cache.values().forEach(UserMemories::clear);
            cache.clear();
            lastUse.clear();
            heldMemories = 0;
            try {
                connection.commit();
                connection.close();
            } catch (SQLException e) {
                throw new MemoryStoreException("closing " + file + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** The user's in-RAM copy, loaded from the file on first access. */
    private UserMemories cached(String userId) {
        UserMemories cached = cache.get(userId);
        if (cached != null) {
            lastUse.replace(userId, useClock.incrementAndGet()); // replace: an entry evicted meanwhile stays gone
            return cached;
        }
        synchronized (lock) {
            checkOpen();
            cached = cache.get(userId);
            if (cached == null) {
                cached = load(userId);
                cache.put(userId, cached);
                heldMemories += cached.size();
                evictBeyondBound(userId);
            }
            lastUse.put(userId, useClock.incrementAndGet());
            return cached;
        }
    }

    /**
     * Drops the least recently used users' copies, never {@code keep}'s, until the cache is within its
     * bound. Not zeroed: a search may still be reading one, and the file holds the same data.
     */
    private void evictBeyondBound(String keep) {
        // each cached user counts as one more than its memories, so that users with none cannot pile up
        while (heldMemories + cache.size() > maxCachedMemories) {
            Optional<String> oldest = cache.keySet().stream().filter(user -> !user.equals(keep))
                    .min(Comparator.comparingLong((String user) -> lastUse.getOrDefault(user, 0L)).thenComparing(user -> user));
            if (oldest.isEmpty()) {
                return;
            }
            heldMemories -= cache.remove(oldest.get()).size();
            lastUse.remove(oldest.get());
        }
    }

    /** SQLite's {@code PRAGMA synchronous} of this store's connection: 2 FULL, 1 NORMAL (for tests). */
    int synchronousLevel() {
        return inTransaction(() -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("PRAGMA synchronous")) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        });
    }

    /** Users whose memories are in the search cache now (for tests and monitoring). */
    int cachedUsers() {
        return cache.size();
    }

    /** The running count of cached memories, which must equal the cached users' sizes (for tests). */
    long heldMemories() {
        synchronized (lock) {
            return heldMemories;
        }
    }

    private UserMemories load(String userId) {
        UserMemories memories = new UserMemories(dimension);
        inTransaction(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, text, slot, kind, confidence, created_at, updated_at, use_count, recent_uses, embedding, context_id"
                            + " FROM memories WHERE user_id = ? ORDER BY id")) {
                select.setString(1, userId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        Memory memory = new Memory(id, userId, rs.getString(2), rs.getString(3), MemoryKind.valueOf(rs.getString(4)),
                                rs.getDouble(5), Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7)),
                                rs.getInt(8), decodeTimes(rs.getBytes(9)), context(rs, 11));
                        memories.put(memory, decodeVector(rs.getBytes(10), id));
                    }
                }
            }
            return null;
        });
        return memories;
    }

    private void createOrCheckSchema() {
        inTransaction(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS store_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
                statement.execute("CREATE TABLE IF NOT EXISTS memories(id INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL,"
                        + " text TEXT NOT NULL, slot TEXT NOT NULL, kind TEXT NOT NULL, confidence REAL NOT NULL,"
                        + " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, use_count INTEGER NOT NULL,"
                        + " recent_uses BLOB NOT NULL, embedding BLOB NOT NULL,"
                        + " context_id INTEGER REFERENCES memories(id) ON DELETE SET NULL)");
                statement.execute("CREATE INDEX IF NOT EXISTS memories_by_user ON memories(user_id)");
                statement.execute("CREATE TABLE IF NOT EXISTS history(seq INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL,"
                        + " memory_id INTEGER NOT NULL, type TEXT NOT NULL, at INTEGER NOT NULL, previous_text TEXT, new_text TEXT,"
                        + " redacted INTEGER NOT NULL)");
                statement.execute("CREATE INDEX IF NOT EXISTS history_by_user ON history(user_id, memory_id)");
                statement.execute("CREATE TABLE IF NOT EXISTS episode_links(user_id TEXT NOT NULL,"
                        + " memory_id INTEGER NOT NULL REFERENCES memories(id) ON DELETE CASCADE,"
                        + " episode_id INTEGER NOT NULL REFERENCES memories(id) ON DELETE CASCADE, PRIMARY KEY(memory_id, episode_id))");
                statement.execute("CREATE INDEX IF NOT EXISTS episode_links_by_episode ON episode_links(episode_id)");
            }
            String storedDimension = meta("dimension");
            String storedVersion = meta("schema_version");
            if (storedDimension == null) {
                putMeta("dimension", Integer.toString(dimension));
                putMeta("schema_version", Integer.toString(SCHEMA_VERSION));
                createTermIndex();
            } else if (!storedDimension.equals(Integer.toString(dimension))) {
                throw new MemoryStoreException(String.format(Locale.US,
                        "%s holds %s-d vectors, but the store was opened for %d-d vectors", file, storedDimension, dimension));
            } else if ("1".equals(storedVersion) || "2".equals(storedVersion)) {
                // CREATE TABLE IF NOT EXISTS kept the old table: it gains the context column, empty in every row
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ALTER TABLE memories ADD COLUMN context_id INTEGER REFERENCES memories(id) ON DELETE SET NULL");
                }
                if ("1".equals(storedVersion)) {
                    createTermIndex();
                    reindexAll();
                }
                setMeta("schema_version", Integer.toString(SCHEMA_VERSION));
            } else if (!Integer.toString(SCHEMA_VERSION).equals(storedVersion)) {
                throw new MemoryStoreException(String.format(Locale.US,
                        "%s has schema version %s; this build reads versions 1 to %d", file, storedVersion, SCHEMA_VERSION));
            }
            return null;
        });
    }

    private String meta(String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT value FROM store_meta WHERE key = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * The FTS5 index of every memory's text: contentless (the text stays in {@code memories} only),
     * Porter-stemmed unicode61 words, one column holding a token of the owner so a query reads only
     * that user's postings, and FTS5's own secure-delete, so a deleted row's postings are removed at
     * once rather than masked by a delete marker.
     */
    private void createTermIndex() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE VIRTUAL TABLE memory_terms USING fts5(owner, text, content='', contentless_delete=1,"
                    + " tokenize='porter unicode61')");
            statement.execute("INSERT INTO memory_terms(memory_terms, rank) VALUES('secure-delete', 1)");
        }
    }

    /** Indexes every stored memory (upgrading a version-1 file). */
    private void reindexAll() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, user_id, text FROM memories ORDER BY id")) {
            while (rs.next()) {
                indexTerms(rs.getString(2), rs.getLong(1), rs.getString(3));
            }
        }
    }

    /** Indexes {@code indexedText} (the memory's text and its context's, {@link UserMemories#indexedText}) under row {@code id}. */
    private void indexTerms(String userId, long id, String indexedText) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO memory_terms(rowid, owner, text) VALUES (?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, ownerToken(userId));
            insert.setString(3, indexedText);
            insert.executeUpdate();
        }
    }

    private static void setContext(PreparedStatement statement, int index, OptionalLong context) throws SQLException {
        if (context.isPresent()) {
            statement.setLong(index, context.getAsLong());
        } else {
            statement.setNull(index, java.sql.Types.INTEGER);
        }
    }

    private static OptionalLong context(ResultSet rs, int column) throws SQLException {
        long id = rs.getLong(column);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(id);
    }

    private void unindexTerms(long id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM memory_terms WHERE rowid = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
    }

    /**
     * Rewrites the FTS5 index into one segment. FTS5's secure-delete drops a deleted row's postings
     * but keeps a term's key in its segment (measured: a planted word survives in the file bytes);
     * the rewrite leaves no trace of a term no stored memory holds. Its cost grows with the whole
     * index (about 15 ms at 1,000 memories, 50 ms at 10,000 on the 2-core dev box), paid per delete.
     */
    /** Rewrites the lexical index now, or once at the end of the current unit. */
    private void afterDelete() throws SQLException {
        if (unitDepth > 0) {
            unitDeleted = true;
        } else {
            optimizeTerms();
        }
    }

    private void optimizeTerms() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO memory_terms(memory_terms) VALUES('optimize')");
        }
    }

    /**
     * The owner's one-word token: 16 hex digits of the user id's SHA-256, prefixed so that no
     * tokenizer splits it. Two users could share a token only by a 64-bit collision, and even then the
     * join on {@code user_id} keeps their rows apart; the token only spares reading others' postings.
     */
    private static String ownerToken(String userId) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
            return "u" + java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** {@code owner : "u…" AND text : ("w1" OR "w2" ...)}: each word quoted, so none is read as an operator. */
    private static String matchExpression(String userId, List<String> terms) {
        StringBuilder words = new StringBuilder();
        for (String term : terms) {
            if (words.length() > 0) {
                words.append(" OR ");
            }
            words.append('"').append(term.replace("\"", "\"\"")).append('"');
        }
        return "owner : \"" + ownerToken(userId) + "\" AND text : (" + words + ")";
    }

    private void setMeta(String key, String value) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE store_meta SET value = ? WHERE key = ?")) {
            update.setString(1, value);
            update.setString(2, key);
            update.executeUpdate();
        }
    }

    private void putMeta(String key, String value) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO store_meta(key, value) VALUES (?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, value);
            insert.executeUpdate();
        }
    }

    private void insertEvent(String userId, long memoryId, HistoryEventType type, Instant at, String previous, String next,
                             boolean redacted) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO history(user_id, memory_id, type, at, previous_text, new_text, redacted) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, userId);
            insert.setLong(2, memoryId);
            insert.setString(3, type.name());
            insert.setLong(4, at.toEpochMilli());
            insert.setString(5, previous);
            insert.setString(6, next);
            insert.setInt(7, redacted ? 1 : 0);
            insert.executeUpdate();
        }
    }

    /**
     * Moves every WAL frame into the main file and truncates the WAL, so deleted bytes leave it; inside
     * {@link #atomically}, once when the unit commits.
     */
    public void checkpoint() {
        synchronized (lock) {
            if (unitDepth > 0) {
                unitDeleted = true;
                return;
            }
        }
        inTransaction(() -> {
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                if (rs.next() && rs.getInt(1) != 0) {
                    throw new MemoryStoreException("checkpoint of " + file + " was blocked; deleted data may remain in the WAL");
                }
            } finally {
                connection.setAutoCommit(false);
            }
            return null;
        });
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. Inside
     * {@link #atomically} it joins the unit's transaction: nothing is committed, and a failure marks
     * the unit for rollback.
     */
    private <T> T inTransaction(SqlWork<T> work) {
        synchronized (lock) {
            checkOpen();
            if (unitDepth > 0) {
                try {
                    return work.run();
                } catch (SQLException | RuntimeException e) {
                    unitFailed = true;
                    if (e instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new MemoryStoreException(file + ": " + e.getMessage(), e);
                }
            }
            try {
                T result = work.run();
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new MemoryStoreException(file + ": " + e.getMessage(), e);
            }
        }
    }

    private static void checkHeader(Path file) {
        if (!Files.exists(file)) {
            Path parent = file.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new MemoryStoreException("cannot create " + file + ": folder " + parent + " does not exist");
            }
            return;
        }
        if (Files.isDirectory(file)) {
            throw new MemoryStoreException(file + " is a directory, not a SQLite database");
        }
        byte[] header = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new MemoryStoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (read == 0) {
            return;
        }
        if (read < header.length || !Arrays.equals(header, SQLITE_HEADER)) {
            throw new MemoryStoreException(file + " is not a SQLite database (its first bytes are not the SQLite header)");
        }
    }

    private byte[] encodeVector(float[] unit) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * unit.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(unit);
        return buffer.array();
    }

    private float[] decodeVector(byte[] bytes, long id) {
        if (bytes == null || bytes.length != 4 * dimension) {
            throw new MemoryStoreException(String.format(Locale.US, "%s: memory %d has a vector of %d bytes, expected %d",
                    file, id, bytes == null ? 0 : bytes.length, 4 * dimension));
        }
        float[] vector = new float[dimension];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    private static byte[] encodeTimes(List<Instant> times) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * times.size()).order(ByteOrder.LITTLE_ENDIAN);
        times.forEach(t -> buffer.putLong(t.toEpochMilli()));
        return buffer.array();
    }

    private static List<Instant> decodeTimes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Instant> times = new ArrayList<>(bytes.length / 8);
        while (buffer.remaining() >= 8) {
            times.add(Instant.ofEpochMilli(buffer.getLong()));
        }
        return times;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("store " + file + " is closed");
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the open already failed; that failure is the one to report
            }
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }
}
