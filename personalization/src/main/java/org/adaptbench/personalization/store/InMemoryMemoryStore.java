package org.adaptbench.personalization.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.adaptbench.personalization.embed.Vectors;

/**
 * A {@link MemoryStore} in RAM: fast, and gone when the process ends.
 *
 * <p>Each user's vectors sit in one contiguous array (see {@link UserMemories}), so a search
 * scans only that user's rows and never touches other users' data; each user's texts sit in a
 * Lucene index of their own ({@link LuceneLexicalIndex}), so BM25 statistics are per user too.
 * Writes to one user are serialised; different users proceed in parallel.
 */
public final class InMemoryMemoryStore implements MemoryStore {

    private final int dimension;
    private final Clock clock;
    private final ConcurrentHashMap<String, UserState> users = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicLong nextSequence = new AtomicLong(1);
    private volatile boolean closed;

    public InMemoryMemoryStore(int dimension, Clock clock) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive, was " + dimension);
        }
        this.dimension = dimension;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public InMemoryMemoryStore(int dimension) {
        this(dimension, Clock.systemUTC());
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public Memory add(String userId, MemoryDraft draft) {
        StoreInputs.userId(userId);
        float[] unit = Vectors.unitCopy(draft.vector(), dimension, "memory vector");
        UserState state = state(userId);
        synchronized (state) {
            String indexed = state.memories.indexedText(userId, draft.text(), draft.context());
            Instant now = now();
            Memory memory = Memory.created(nextId.getAndIncrement(), userId, draft, now);
            state.memories.put(memory, unit);
            state.lexical.put(memory, indexed);
            state.history.add(event(memory, HistoryEventType.ADDED, now, Optional.empty(), Optional.of(memory.text())));
            return memory;
        }
    }

    @Override
    public Optional<Memory> get(String userId, long id) {
        UserState state = existing(userId);
        return state == null ? Optional.empty() : state.memories.get(id);
    }

    @Override
    public List<Memory> list(String userId) {
        UserState state = existing(userId);
        return state == null ? List.of() : state.memories.list();
    }

    @Override
    public Optional<Memory> latest(String userId, MemoryKind kind) {
        UserState state = existing(userId);
        return state == null ? Optional.empty() : state.memories.latest(kind);
    }

    @Override
    public int count(String userId) {
        UserState state = existing(userId);
        return state == null ? 0 : state.memories.size();
    }

    @Override
    public List<MemoryHit> search(String userId, float[] query, int k, MemoryFilter filter) {
        StoreInputs.k(k);
        Objects.requireNonNull(filter, "filter");
        float[] unit = Vectors.unitCopy(query, dimension, "query vector");
        UserState state = existing(userId);
        return state == null ? List.of() : state.memories.search(unit, k, filter);
    }

    @Override
    public List<LexicalHit> lexicalSearch(String userId, String query, int k, MemoryFilter filter) {
        StoreInputs.k(k);
        Objects.requireNonNull(filter, "filter");
        StoreInputs.text(query, "query");
        UserState state = existing(userId);
        if (state == null) {
            return List.of();
        }
        List<LexicalHit> hits = new ArrayList<>();
        for (LuceneLexicalIndex.Scored scored : state.lexical.search(LexicalQuery.terms(query), k, filter)) {
            // a hit deleted between the index and the records is simply not returned
            state.memories.get(scored.id()).ifPresent(memory -> hits.add(new LexicalHit(memory, scored.score())));
        }
        return hits;
    }

    @Override
    public void link(String userId, long memoryId, long episodeId) {
        UserState state = existingOrThrow(userId, memoryId);
        synchronized (state) {
            state.memories.get(memoryId).orElseThrow(() -> missing(userId, memoryId));
            Memory episode = state.memories.get(episodeId).orElseThrow(() -> missing(userId, episodeId));
            StoreInputs.episode(episode);
            state.links.computeIfAbsent(memoryId, m -> new java.util.TreeSet<>()).add(episodeId);
        }
    }

    @Override
    public List<Long> linkedEpisodes(String userId, long memoryId) {
        UserState state = existing(userId);
        if (state == null) {
            return List.of();
        }
        synchronized (state) {
            java.util.SortedSet<Long> episodes = state.links.get(memoryId);
            return episodes == null ? List.of() : List.copyOf(episodes);
        }
    }

    @Override
    public Memory update(String userId, long id, MemoryDraft replacement) {
        float[] unit = Vectors.unitCopy(replacement.vector(), dimension, "memory vector");
        UserState state = existingOrThrow(userId, id);
        synchronized (state) {
            Memory old = state.memories.get(id).orElseThrow(() -> missing(userId, id));
            String indexed = state.memories.indexedText(userId, replacement.text(), replacement.context());
            Instant now = now();
            Memory updated = old.replacedBy(replacement, now);
            state.memories.put(updated, unit);
            state.lexical.put(updated, indexed);
            state.history.add(event(updated, HistoryEventType.UPDATED, now, Optional.of(old.text()), Optional.of(updated.text())));
            return updated;
        }
    }

    @Override
    public List<Memory> recordUse(String userId, Collection<Long> ids, Instant at) {
        Objects.requireNonNull(at, "at");
        UserState state = existing(userId);
        if (state == null) {
            return List.of();
        }
        Instant time = at.truncatedTo(ChronoUnit.MILLIS);
        List<Memory> updated = new ArrayList<>();
        synchronized (state) {
            for (long id : new java.util.LinkedHashSet<>(ids)) {
                state.memories.get(id).ifPresent(memory -> {
                    Memory used = memory.withUse(time);
                    state.memories.replaceRecord(used);
                    updated.add(used);
                });
            }
        }
        return updated;
    }

    @Override
    public boolean delete(String userId, long id) {
        UserState state = existing(userId);
        if (state == null) {
            return false;
        }
        synchronized (state) {
            Optional<Memory> removed = state.memories.remove(id);
            if (removed.isEmpty()) {
                return false;
            }
            // the memories indexed with its words keep only their own (re-indexed first, so that the
            // merge after the removal drops their old entries too)
            for (Memory carrier : state.memories.withContext(id)) {
                Memory bare = carrier.withoutContext();
                state.memories.replaceRecord(bare);
                state.lexical.put(bare, bare.text());
            }
            state.lexical.remove(id);
            state.links.remove(id);
            state.links.values().forEach(episodes -> episodes.remove(id));
            state.links.values().removeIf(java.util.Set::isEmpty);
            state.history.replaceAll(e -> e.memoryId() == id ? e.redact() : e);
            state.history.add(event(removed.get(), HistoryEventType.DELETED, now(), Optional.empty(), Optional.empty()).redact());
            return true;
        }
    }

    @Override
    public int deleteAll(String userId) {
        UserState state = existing(userId);
        if (state == null) {
            return 0;
        }
        synchronized (state) {
            List<Memory> all = state.memories.list();
            state.memories.clear();
            state.lexical.clear();
            state.links.clear();
            // the user leaves no trace, history included (as on SQLite)
            state.history.clear();
            users.remove(userId, state);
            return all.size();
        }
    }

    @Override
    public List<HistoryEvent> history(String userId) {
        UserState state = existing(userId);
        if (state == null) {
            return List.of();
        }
        synchronized (state) {
            return List.copyOf(state.history);
        }
    }

    @Override
    public Optional<float[]> vector(String userId, long id) {
        UserState state = existing(userId);
        return state == null ? Optional.empty() : state.memories.vector(id);
    }

    @Override
    public long bytesStored(String userId) {
        UserState state = existing(userId);
        if (state == null) {
            return 0;
        }
        synchronized (state) {
            long links = state.links.values().stream().mapToLong(java.util.Set::size).sum();
            long bytes = Footprint.userId(userId) + state.memories.bytes() + Footprint.links(links);
            for (HistoryEvent event : state.history) {
                bytes += Footprint.event(event);
            }
            return bytes;
        }
    }

    @Override
    public List<String> users() {
        return users.entrySet().stream().filter(e -> e.getValue().memories.size() > 0)
                .map(java.util.Map.Entry::getKey).sorted().toList();
    }

    @Override
    public void close() {
        closed = true;
        users.values().forEach(state -> {
            state.memories.clear();
            state.lexical.close();
        });
        users.clear();
    }

    private UserState state(String userId) {
        checkOpen();
        return users.computeIfAbsent(userId, u -> new UserState(new UserMemories(dimension)));
    }

    private UserState existing(String userId) {
        StoreInputs.userId(userId);
        checkOpen();
        return users.get(userId);
    }

    private UserState existingOrThrow(String userId, long id) {
        UserState state = existing(userId);
        if (state == null) {
            throw missing(userId, id);
        }
        return state;
    }

    private HistoryEvent event(Memory memory, HistoryEventType type, Instant at, Optional<String> previous, Optional<String> next) {
        return new HistoryEvent(nextSequence.getAndIncrement(), memory.userId(), memory.id(), type, at, previous, next, false);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("store is closed");
        }
    }

    static NoSuchElementException missing(String userId, long id) {
        return new NoSuchElementException("user " + userId + " has no memory " + id);
    }

    /** A user's memories and audit trail; writes synchronise on this object. */
    private static final class UserState {
        final UserMemories memories;
        final List<HistoryEvent> history = new ArrayList<>();
        final LuceneLexicalIndex lexical = new LuceneLexicalIndex();
        /** Memory id to the episodes that stated it. */
        final java.util.Map<Long, java.util.SortedSet<Long>> links = new java.util.HashMap<>();

        UserState(UserMemories memories) {
            this.memories = memories;
        }
    }
}
