package org.adaptbench.personalization.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Per-user memory: every method takes the owner's id and never sees or returns another user's data.
 *
 * <p>Implementations are thread-safe. Every write is atomic: it happens completely or, when it
 * throws, not at all. Arguments are checked before anything is written; a bad one raises an
 * {@link IllegalArgumentException} naming the problem. Times come from the store's clock,
 * truncated to milliseconds so that every backend stores the same values.
 */
public interface MemoryStore extends AutoCloseable {

    /** Length of the vectors this store holds. */
    int dimension();

    /**
     * Runs {@code work}, whose calls on this store form one write: on a durable store they commit
     * together (one transaction, one sync, deletes' index rewrite and checkpoint once at the end) or,
     * when {@code work} throws, not at all. Calls may nest (the inner ones join the outer write).
     * Reads inside {@code work} see its own writes. The default runs {@code work} as it is: right for
     * a store with nothing to commit and nothing that outlives the process ({@link InMemoryMemoryStore}),
     * where a throw leaves the writes made before it.
     */
    default <T> T atomically(java.util.function.Supplier<T> work) {
        return work.get();
    }

    /**
     * Stores a new memory for {@code userId} and records an {@link HistoryEventType#ADDED} event; its
     * lexical index entry holds its text and its context memory's (which the user must hold).
     */
    Memory add(String userId, MemoryDraft draft);

    /** The memory {@code id} if it exists and belongs to {@code userId}. */
    Optional<Memory> get(String userId, long id);

    /** All memories of {@code userId}, by id. */
    List<Memory> list(String userId);

    /** The user's memory of {@code kind} written last (the highest id), if any. */
    default Optional<Memory> latest(String userId, MemoryKind kind) {
        return list(userId).stream().filter(m -> m.kind() == kind).reduce((first, second) -> second);
    }

    /** Number of memories of {@code userId}. */
    int count(String userId);

    /**
     * The {@code k} memories of {@code userId} most similar (cosine) to {@code query} among those
     * passing {@code filter}, best first; ties go to the lower id.
     */
    List<MemoryHit> search(String userId, float[] query, int k, MemoryFilter filter);

    /**
     * The {@code k} memories of {@code userId} that best match the words of {@code query} by BM25
     * (Porter-stemmed, without English stop words, see {@link LexicalQuery}) among those passing
     * {@code filter}, best first; memories that match no word are not returned. The index is
     * written in the same atomic step as the memory and is covered by hard delete. Scores compare
     * within one search only.
     */
    List<LexicalHit> lexicalSearch(String userId, String query, int k, MemoryFilter filter);

    /**
     * {@link #lexicalSearch} of {@code query} for each of {@code filters}, with the {@code ks} at the
     * same positions, in order: the same hits and scores, from one search where a store can share it.
     */
    default List<List<LexicalHit>> lexicalSearches(String userId, String query, List<Integer> ks, List<MemoryFilter> filters) {
        StoreInputs.searches(ks, filters);
        List<List<LexicalHit>> results = new java.util.ArrayList<>(filters.size());
        for (int i = 0; i < filters.size(); i++) {
            results.add(lexicalSearch(userId, query, ks.get(i), filters.get(i)));
        }
        return List.copyOf(results);
    }

    /**
     * Records that episode {@code episodeId} stated, restated or revealed memory {@code memoryId},
     * so that forgetting the memory can find the episodes that would bring it back. Both must be the
     * user's; linking twice is a no-op. A link goes when either memory is deleted.
     *
     * @throws java.util.NoSuchElementException if the user holds either memory not
     * @throws IllegalArgumentException if {@code episodeId} is not an {@link MemoryKind#EPISODE}
     */
    void link(String userId, long memoryId, long episodeId);

    /** The episodes linked to memory {@code memoryId} of {@code userId}, by id. */
    List<Long> linkedEpisodes(String userId, long memoryId);

    /** {@link #linkedEpisodes} of each of {@code memoryIds} in one read: memory id to its episodes, memories with none left out. */
    default java.util.Map<Long, List<Long>> linkedEpisodes(String userId, Collection<Long> memoryIds) {
        java.util.Map<Long, List<Long>> links = new java.util.HashMap<>();
        for (long id : new java.util.LinkedHashSet<>(memoryIds)) {
            List<Long> episodes = linkedEpisodes(userId, id);
            if (!episodes.isEmpty()) {
                links.put(id, episodes);
            }
        }
        return links;
    }

    /**
     * Replaces the content of memory {@code id}, keeping the previous text in an
     * {@link HistoryEventType#UPDATED} event; the use history starts afresh with this write.
     *
     * @throws java.util.NoSuchElementException if {@code userId} has no memory {@code id}
     */
    Memory update(String userId, long id, MemoryDraft replacement);

    /**
     * Records a use (a retrieval that was shown to the model, a restatement) of each memory in
     * {@code ids} at time {@code at}, in one write; ids the user does not hold are ignored, and an id
     * named twice in one call is one use (a use is an event at a time, and this call has one time).
     * Returns the updated memories, each once, in the order of their first mention.
     */
    List<Memory> recordUse(String userId, Collection<Long> ids, Instant at);

    /**
     * Hard-deletes memory {@code id}: its text, vector, lexical index entry and links are gone, the
     * memories that had it as context lose it (their index entries keep only their own words), and
     * its history events become tombstones. Returns false if the user holds no such memory.
     */
    boolean delete(String userId, long id);

    /**
     * Hard-deletes every memory of {@code userId} and the user with them: no text, vector, history
     * event or tombstone naming the user survives in the store, its caches or its files (a user id can
     * identify a person, so a request to be forgotten leaves none; the caller has the count to log
     * under an id scheme of its own). Returns how many memories were deleted.
     */
    int deleteAll(String userId);

    /** The audit trail of {@code userId}: every add, update and delete, oldest first. */
    List<HistoryEvent> history(String userId);

    /** A copy of the unit-length vector of memory {@code id}, if the user holds it. */
    Optional<float[]> vector(String userId, long id);

    /**
     * Bytes held for {@code userId}: UTF-8 text bytes of memories and history, 4 bytes per vector
     * component, 16 per link, and the fixed-size fields counted at their binary width (see
     * {@link Footprint}); the lexical index is an index, like the row indexes, and not counted.
     * The same measure for every backend, so they compare; file overhead is measured separately.
     */
    long bytesStored(String userId);

    /** Ids of users that hold at least one memory, sorted. */
    List<String> users();

    /** Releases files and connections; the store is unusable afterwards. */
    @Override
    void close();
}
