package org.adaptbench.personalization.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import org.adaptbench.personalization.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MemoryStore} backend promises; each backend's test extends this class.
 */
public abstract class MemoryStoreContractTest {

    protected static final int DIM = 16;
    protected static final Instant START = Instant.parse("2024-03-01T09:00:00Z");

    protected final ManualClock clock = new ManualClock(START);
    protected MemoryStore store;

    /** A fresh, empty store of dimension {@link #DIM} on {@code clock}. */
    protected abstract MemoryStore createStore(ManualClock clock) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = createStore(clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected static MemoryDraft draft(String text, float[] vector) {
        return MemoryDraft.of(text, vector);
    }

    @Test
    void addedMemoryCanBeReadBackByItsOwnerOnly() {
        Memory memory = store.add("alice", new MemoryDraft("I prefer aisle seats", TestVectors.axis(0, DIM), "seat", MemoryKind.EXPLICIT, 0.9));
        assertEquals("alice", memory.userId());
        assertEquals("seat", memory.slot());
        assertEquals(START, memory.createdAt());
        assertEquals(1, memory.useCount());
        assertEquals(Optional.of(memory), store.get("alice", memory.id()));
        assertEquals(Optional.empty(), store.get("bob", memory.id()));
        assertEquals(List.of(memory), store.list("alice"));
        assertEquals(List.of(), store.list("bob"));
        assertEquals(1, store.count("alice"));
        assertEquals(List.of("alice"), store.users());
    }

    @Test
    void idsAreUniqueAcrossUsersAndListIsOrderedById() {
        Random random = new Random(1);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(store.add(i % 2 == 0 ? "alice" : "bob", draft("memory " + i, TestVectors.random(random, DIM))).id());
        }
        assertEquals(20, ids.stream().distinct().count());
        List<Long> listed = store.list("alice").stream().map(Memory::id).toList();
        assertEquals(listed.stream().sorted().toList(), listed);
        assertEquals(10, listed.size());
    }

    @Test
    void searchReturnsTheMostSimilarFirstAndAtMostK() {
        Random random = new Random(2);
        float[] target = TestVectors.random(random, DIM);
        Memory close = store.add("alice", draft("close", TestVectors.near(target, 0.05, random)));
        Memory closer = store.add("alice", draft("closer", TestVectors.near(target, 0.01, random)));
        for (int i = 0; i < 30; i++) {
            store.add("alice", draft("noise " + i, TestVectors.random(random, DIM)));
        }
        store.add("bob", draft("bob's exact match", target));
        List<MemoryHit> hits = store.search("alice", target, 2, MemoryFilter.NONE);
        assertEquals(List.of(closer.id(), close.id()), hits.stream().map(h -> h.memory().id()).toList());
        assertTrue(hits.get(0).similarity() >= hits.get(1).similarity());
        assertTrue(hits.get(0).similarity() > 0.99 && hits.get(0).similarity() <= 1.0001);
        assertEquals(32, store.search("alice", target, 100, MemoryFilter.NONE).size());
        assertEquals(List.of(), store.search("carol", target, 5, MemoryFilter.NONE));
    }

    @Test
    void searchMatchesABruteForceRankingIncludingTies() {
        Random random = new Random(3);
        float[] duplicate = TestVectors.random(random, DIM);
        List<Memory> memories = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            float[] vector = i % 10 == 0 ? duplicate : TestVectors.random(random, DIM);
            memories.add(store.add("alice", draft("m" + i, vector)));
        }
        // delete some to move rows around
        for (int i = 1; i < 60; i += 4) {
            store.delete("alice", memories.get(i).id());
        }
        float[] query = duplicate;
        List<Long> expected = store.list("alice").stream()
                .sorted((a, b) -> {
                    double sa = org.adaptbench.personalization.embed.Vectors.cosine(store.vector("alice", a.id()).orElseThrow(), query);
                    double sb = org.adaptbench.personalization.embed.Vectors.cosine(store.vector("alice", b.id()).orElseThrow(), query);
                    int bySimilarity = Double.compare((float) sb, (float) sa);
                    return bySimilarity != 0 ? bySimilarity : Long.compare(a.id(), b.id());
                })
                .limit(10).map(Memory::id).toList();
        List<Long> found = store.search("alice", query, 10, MemoryFilter.NONE).stream().map(h -> h.memory().id()).toList();
        assertEquals(expected.subList(0, 6), found.subList(0, 6), "the six exact duplicates come first, by id");
        assertEquals(Set.copyOf(expected), Set.copyOf(found));
    }

    @Test
    void filtersRestrictBySlotKindAndConfidence() {
        float[] v = TestVectors.axis(1, DIM);
        Memory seat = store.add("alice", new MemoryDraft("aisle seat", v, "seat", MemoryKind.EXPLICIT, 0.9));
        Memory food = store.add("alice", new MemoryDraft("spicy food", v, "food", MemoryKind.IMPLICIT, 0.5));
        assertEquals(List.of(seat.id()), ids(store.search("alice", v, 5, MemoryFilter.slot("seat"))));
        assertEquals(List.of(food.id()), ids(store.search("alice", v, 5, MemoryFilter.NONE.withKinds(EnumSet.of(MemoryKind.IMPLICIT)))));
        assertEquals(List.of(seat.id()), ids(store.search("alice", v, 5, MemoryFilter.NONE.withMinConfidence(0.8))));
        assertEquals(List.of(), ids(store.search("alice", v, 5, MemoryFilter.slot("music"))));
    }

    @Test
    void updateReplacesContentAndKeepsThePreviousTextInHistory() {
        Memory old = store.add("alice", new MemoryDraft("I prefer aisle seats", TestVectors.axis(0, DIM), "seat", MemoryKind.EXPLICIT, 0.9));
        clock.advance(Duration.ofMinutes(5));
        store.recordUse("alice", List.of(old.id()), clock.instant());
        clock.advance(Duration.ofMinutes(5));
        Memory updated = store.update("alice", old.id(),
                new MemoryDraft("I now prefer window seats", TestVectors.axis(1, DIM), "seat", MemoryKind.EXPLICIT, 1.0));
        assertEquals(old.id(), updated.id());
        assertEquals(START, updated.createdAt());
        assertEquals(START.plus(Duration.ofMinutes(10)), updated.updatedAt());
        assertEquals(1, updated.useCount());
        assertEquals(Optional.of(updated), store.get("alice", old.id()));
        assertEquals(updated.id(), store.search("alice", TestVectors.axis(1, DIM), 1, MemoryFilter.NONE).get(0).memory().id());
        assertEquals(1.0, store.search("alice", TestVectors.axis(1, DIM), 1, MemoryFilter.NONE).get(0).similarity(), 1e-6);

        List<HistoryEvent> history = store.history("alice");
        assertEquals(List.of(HistoryEventType.ADDED, HistoryEventType.UPDATED), history.stream().map(HistoryEvent::type).toList());
        assertEquals(Optional.of("I prefer aisle seats"), history.get(1).previousText());
        assertEquals(Optional.of("I now prefer window seats"), history.get(1).newText());
        assertTrue(history.get(0).sequence() < history.get(1).sequence());
        assertThrows(NoSuchElementException.class, () -> store.update("bob", old.id(), draft("x", TestVectors.axis(0, DIM))));
        assertThrows(NoSuchElementException.class, () -> store.update("alice", 9_999, draft("x", TestVectors.axis(0, DIM))));
    }

    @Test
    void recordUseCountsUsesAndKeepsABoundedWindow() {
        Memory memory = store.add("alice", draft("likes tea", TestVectors.axis(2, DIM)));
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofSeconds(30));
            store.recordUse("alice", List.of(memory.id(), 12_345L), clock.instant());
        }
        Memory used = store.get("alice", memory.id()).orElseThrow();
        assertEquals(21, used.useCount());
        assertEquals(Memory.RECENT_USES_KEPT, used.recentUses().size());
        assertEquals(clock.instant(), used.lastUse());
        assertEquals(List.of(), store.recordUse("bob", List.of(memory.id()), clock.instant()));
        assertEquals(1, store.history("alice").size(), "uses are not audit events");
    }

    @Test
    void anIdNamedTwiceInOneRecordUseIsOneUse() {
        Memory a = store.add("alice", draft("likes tea", TestVectors.axis(2, DIM)));
        Memory b = store.add("alice", draft("likes jazz", TestVectors.axis(3, DIM)));
        clock.advance(Duration.ofSeconds(30));
        List<Memory> used = store.recordUse("alice", List.of(a.id(), b.id(), a.id(), a.id()), clock.instant());
        assertEquals(List.of(a.id(), b.id()), used.stream().map(Memory::id).toList(), "each memory once, in first-mention order");
        assertEquals(2, store.get("alice", a.id()).orElseThrow().useCount());
        assertEquals(List.of(START, clock.instant()), store.get("alice", a.id()).orElseThrow().recentUses());
        assertEquals(2, store.get("alice", b.id()).orElseThrow().useCount());
        assertEquals(used, List.of(store.get("alice", a.id()).orElseThrow(), store.get("alice", b.id()).orElseThrow()));
    }

    @Test
    void writesInsideAtomicallyAreVisibleToItsOwnReadsAndKeptAfterIt() {
        Memory kept = store.add("alice", draft("keep me", TestVectors.axis(0, DIM)));
        long added = store.atomically(() -> {
            Memory episode = store.add("alice", new MemoryDraft("said: tea please", TestVectors.axis(1, DIM), "", MemoryKind.EPISODE, 1.0));
            Memory preference = store.add("alice", draft("likes tea", TestVectors.axis(2, DIM)));
            store.link("alice", preference.id(), episode.id());
            store.recordUse("alice", List.of(kept.id()), clock.instant());
            assertTrue(store.delete("alice", kept.id()));
            // reads inside the unit see its writes, the lexical index included
            assertEquals(List.of(episode.id()), store.linkedEpisodes("alice", preference.id()));
            assertEquals(List.of(preference.id()), store.lexicalSearch("alice", "tea likes", 5, MemoryFilter.PREFERENCES).stream()
                    .map(hit -> hit.memory().id()).toList());
            return store.atomically(() -> store.count("alice")); // nested units join the outer one
        });
        assertEquals(2, added);
        assertEquals(List.of("said: tea please", "likes tea"), store.list("alice").stream().map(Memory::text).toList());
        assertEquals(Optional.empty(), store.get("alice", kept.id()));
        assertEquals(List.of(), store.lexicalSearch("alice", "keep", 5, MemoryFilter.NONE));
    }

    @Test
    void deleteOneRemovesItAndLeavesTombstonesWithoutText() {
        Memory keep = store.add("alice", draft("keep me", TestVectors.axis(0, DIM)));
        Memory gone = store.add("alice", draft("secret allergy", TestVectors.axis(1, DIM)));
        store.update("alice", gone.id(), draft("secret allergy, updated", TestVectors.axis(1, DIM)));
        assertFalse(store.delete("bob", gone.id()), "another user cannot delete it");
        assertTrue(store.delete("alice", gone.id()));
        assertFalse(store.delete("alice", gone.id()));
        assertEquals(List.of(keep), store.list("alice"));
        assertEquals(Optional.empty(), store.vector("alice", gone.id()));
        assertEquals(List.of(keep.id()), ids(store.search("alice", TestVectors.axis(1, DIM), 5, MemoryFilter.NONE)));
        for (HistoryEvent event : store.history("alice")) {
            if (event.memoryId() == gone.id()) {
                assertTrue(event.redacted(), event.toString());
                assertEquals(Optional.empty(), event.previousText());
                assertEquals(Optional.empty(), event.newText());
            } else {
                assertEquals(Optional.of("keep me"), event.newText());
            }
        }
        assertEquals(List.of(HistoryEventType.ADDED, HistoryEventType.ADDED, HistoryEventType.UPDATED, HistoryEventType.DELETED),
                store.history("alice").stream().map(HistoryEvent::type).toList());
    }

    @Test
    void deleteAllErasesOneUserAndNobodyElse() {
        Random random = new Random(4);
        for (int i = 0; i < 10; i++) {
            store.add("alice", draft("alice secret " + i, TestVectors.random(random, DIM)));
            store.add("bob", draft("bob note " + i, TestVectors.random(random, DIM)));
        }
        long bobBytes = store.bytesStored("bob");
        List<Memory> bob = store.list("bob");
        assertEquals(10, store.deleteAll("alice"));
        assertEquals(0, store.deleteAll("alice"));
        assertEquals(List.of(), store.list("alice"));
        assertEquals(0, store.count("alice"));
        assertEquals(List.of(), store.search("alice", TestVectors.random(random, DIM), 5, MemoryFilter.NONE));
        assertEquals(List.of("bob"), store.users());
        assertEquals(List.of(), store.history("alice"), "no tombstone names the forgotten user");
        assertEquals(0, store.bytesStored("alice"));
        assertEquals(bob, store.list("bob"));
        assertEquals(bobBytes, store.bytesStored("bob"));
        assertEquals(10, store.search("bob", TestVectors.random(random, DIM), 50, MemoryFilter.NONE).size());
    }

    @Test
    void bytesStoredCountsTextVectorAndMetadata() {
        assertEquals(0, store.bytesStored("alice"));
        Memory memory = store.add("alice", draft("x".repeat(1000), TestVectors.axis(0, DIM)));
        long expected = Footprint.userId("alice") + Footprint.memory(memory, DIM) + Footprint.event(store.history("alice").get(0));
        assertEquals(expected, store.bytesStored("alice"));
        assertTrue(store.bytesStored("alice") > 2000 + 4 * DIM, "text counted in the memory and in its ADDED event");
        store.deleteAll("alice");
        assertEquals(0, store.bytesStored("alice"), "nothing of the user remains");
    }

    @Test
    void badInputIsRejectedWithAClearMessageAndNothingIsWritten() {
        float[] ok = TestVectors.axis(0, DIM);
        assertMessage("userId is null", () -> store.add(null, draft("x", ok)));
        assertMessage("userId is blank", () -> store.add("  ", draft("x", ok)));
        assertMessage("memory text is empty or blank", () -> draft("", ok));
        assertMessage("limit is 1048576", () -> draft("y".repeat(StoreInputs.MAX_TEXT_BYTES + 1), ok));
        float[] nan = ok.clone();
        nan[3] = Float.NaN;
        assertMessage("holds NaN at index 3", () -> store.add("alice", draft("x", nan)));
        assertMessage("dimension 3, expected 16", () -> store.add("alice", draft("x", new float[] {1, 2, 3})));
        assertMessage("zero vector", () -> store.add("alice", draft("x", new float[DIM])));
        assertMessage("k must be positive, was 0", () -> store.search("alice", ok, 0, MemoryFilter.NONE));
        assertMessage("k must be positive, was -1", () -> store.search("alice", ok, -1, MemoryFilter.NONE));
        assertMessage("query vector has dimension 3", () -> store.search("alice", new float[] {1, 2, 3}, 1, MemoryFilter.NONE));
        Memory memory = store.add("alice", draft("original", ok));
        float[] infinite = ok.clone();
        infinite[0] = Float.POSITIVE_INFINITY;
        assertMessage("memory vector holds Infinity at index 0", () -> store.update("alice", memory.id(), draft("changed", infinite)));
        assertEquals(List.of(memory), store.list("alice"));
        assertEquals(1, store.history("alice").size());
        assertEquals(List.of("alice"), store.users());
    }

    @Test
    void aMemoryOfExactlyTheSizeLimitIsAccepted() {
        String text = "z".repeat(StoreInputs.MAX_TEXT_BYTES);
        Memory memory = store.add("alice", draft(text, TestVectors.axis(0, DIM)));
        assertEquals(text, store.get("alice", memory.id()).orElseThrow().text());
    }

    protected static List<Long> ids(List<MemoryHit> hits) {
        return hits.stream().map(h -> h.memory().id()).toList();
    }

    protected static void assertMessage(String expectedPart, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expectedPart), "message '" + e.getMessage() + "' should contain '" + expectedPart + "'");
    }

    protected static MemoryDraft episode(String text, float[] vector) {
        return new MemoryDraft(text, vector, "", MemoryKind.EPISODE, 1.0);
    }

    @Test
    void lexicalSearchRanksByWordsAndReturnsOnlyMatches() {
        Random random = new Random(21);
        Memory rare = store.add("alice", episode("We adopted a greyhound named Biscuit", TestVectors.random(random, DIM)));
        Memory common = store.add("alice", episode("The weather was nice and the dog slept", TestVectors.random(random, DIM)));
        store.add("alice", episode("The weather was nice again", TestVectors.random(random, DIM)));
        store.add("alice", episode("Nothing in common here", TestVectors.random(random, DIM)));
        List<LexicalHit> hits = store.lexicalSearch("alice", "What is the name of the greyhound they adopted?", 10, MemoryFilter.NONE);
        assertEquals(List.of(rare.id()), hits.stream().map(h -> h.memory().id()).toList(), "only the memory with the question's words");
        assertTrue(hits.get(0).score() > 0);
        List<LexicalHit> stemmed = store.lexicalSearch("alice", "dogs sleeping weather", 10, MemoryFilter.NONE);
        assertEquals(common.id(), stemmed.get(0).memory().id(), "Porter stemming: dogs/dog, sleeping/slept do not, weather matches twice as rare");
        assertEquals(2, stemmed.size());
        assertTrue(stemmed.get(0).score() >= stemmed.get(1).score(), "best first");
        assertEquals(1, store.lexicalSearch("alice", "weather", 1, MemoryFilter.NONE).size(), "at most k");
        assertEquals(List.of(), store.lexicalSearch("alice", "the of and", 10, MemoryFilter.NONE), "stop words alone match nothing");
        assertEquals(List.of(), store.lexicalSearch("bob", "greyhound", 10, MemoryFilter.NONE), "another user's words are not bob's");
    }

    @Test
    void lexicalSearchHonoursTheFilterAndFollowsUpdatesAndDeletes() {
        Random random = new Random(22);
        Memory preference = store.add("alice", new MemoryDraft("I love jazz concerts", TestVectors.random(random, DIM), "music", MemoryKind.EXPLICIT, 0.9));
        Memory said = store.add("alice", episode("[1 May 2024, 9:00 AM] I love jazz, we went to a concert", TestVectors.random(random, DIM)));
        assertEquals(List.of(said.id()), lexicalIds(store.lexicalSearch("alice", "jazz", 10, MemoryFilter.EPISODES)));
        assertEquals(List.of(preference.id()), lexicalIds(store.lexicalSearch("alice", "jazz", 10, MemoryFilter.PREFERENCES)));
        assertEquals(List.of(preference.id()), lexicalIds(store.lexicalSearch("alice", "jazz", 10, MemoryFilter.slot("music"))));
        assertEquals(List.of(), lexicalIds(store.lexicalSearch("alice", "jazz", 10, MemoryFilter.PREFERENCES.withMinConfidence(0.95))));
        store.update("alice", preference.id(), new MemoryDraft("I love opera", TestVectors.random(random, DIM), "music", MemoryKind.EXPLICIT, 0.9));
        assertEquals(List.of(said.id()), lexicalIds(store.lexicalSearch("alice", "jazz", 10, MemoryFilter.NONE)), "the old words left the index");
        assertEquals(List.of(preference.id()), lexicalIds(store.lexicalSearch("alice", "opera", 10, MemoryFilter.NONE)));
        store.delete("alice", said.id());
        assertEquals(List.of(), lexicalIds(store.lexicalSearch("alice", "jazz concert", 10, MemoryFilter.NONE)));
        store.deleteAll("alice");
        assertEquals(List.of(), lexicalIds(store.lexicalSearch("alice", "opera", 10, MemoryFilter.NONE)));
        assertThrows(IllegalArgumentException.class, () -> store.lexicalSearch("alice", " ", 10, MemoryFilter.NONE));
        assertThrows(IllegalArgumentException.class, () -> store.lexicalSearch("alice", "jazz", 0, MemoryFilter.NONE));
    }

    @Test
    void lexicalSearchesGiveEachFiltersOwnSearch() {
        Random random = new Random(23);
        String[] words = {"jazz", "opera", "concert", "tea", "coffee", "seats", "aisle", "window"};
        String[] slots = {"music", "drink", "seat", ""};
        MemoryKind[] kinds = MemoryKind.values();
        for (int i = 0; i < 60; i++) {
            String text = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)] + " and " + words[random.nextInt(words.length)];
            MemoryKind kind = kinds[random.nextInt(kinds.length)];
            if (kind == MemoryKind.EPISODE) {
                store.add("alice", episode("[1 May 2024, 9:00 AM] " + text, TestVectors.random(random, DIM)));
            } else {
                store.add("alice", new MemoryDraft(text, TestVectors.random(random, DIM), slots[random.nextInt(slots.length)], kind,
                        0.5 + random.nextInt(5) / 10.0));
            }
            store.add("bob", draft(text, TestVectors.random(random, DIM)));
        }
        List<MemoryFilter> filters = List.of(MemoryFilter.PREFERENCES, MemoryFilter.EPISODES, MemoryFilter.NONE, MemoryFilter.slot("music"),
                MemoryFilter.PREFERENCES.withMinConfidence(0.8), MemoryFilter.NONE.withKinds(java.util.Set.of()));
        for (String query : List.of("jazz concert", "tea or coffee", "aisle window seats opera", "nothing here", "the of and")) {
            List<LexicalHit> ranked = store.lexicalSearch("alice", query, 1000, MemoryFilter.NONE);
            for (List<Integer> ks : List.of(List.of(1, 2, 3, 4, 5, 6), List.of(50, 50, 50, 50, 50, 50), List.of(3, 100, 1, 7, 2, 1))) {
                List<List<LexicalHit>> together = store.lexicalSearches("alice", query, ks, filters);
                for (int i = 0; i < filters.size(); i++) {
                    List<LexicalHit> alone = store.lexicalSearch("alice", query, ks.get(i), filters.get(i));
                    MemoryFilter filter = filters.get(i);
                    assertEquals(lexicalIds(ranked.stream().filter(hit -> filter.test(hit.memory())).limit(ks.get(i)).toList()), lexicalIds(alone),
                            "a filter's search is the unfiltered ranking's first k that pass it: " + query + ", filter " + i);
                    assertEquals(lexicalIds(alone), lexicalIds(together.get(i)), query + ", filter " + i + ", k " + ks.get(i));
                    assertEquals(alone.stream().map(LexicalHit::score).toList(), together.get(i).stream().map(LexicalHit::score).toList());
                }
            }
        }
        assertFalse(store.lexicalSearches("alice", "jazz concert", List.of(5, 5), List.of(MemoryFilter.PREFERENCES, MemoryFilter.EPISODES))
                .get(1).isEmpty(), "the test reaches episodes");
        assertThrows(IllegalArgumentException.class, () -> store.lexicalSearches("alice", "jazz", List.of(1), filters));
        assertThrows(IllegalArgumentException.class, () -> store.lexicalSearches("alice", "jazz", List.of(1, 0), filters.subList(0, 2)));
    }

    @Test
    void episodesAreMemoriesUnderTheSameContract() {
        Random random = new Random(23);
        Memory said = store.add("alice", episode("[1 May 2024, 9:00 AM] I moved to Lisbon", TestVectors.random(random, DIM)));
        assertEquals(MemoryKind.EPISODE, said.kind());
        assertEquals(Optional.empty(), store.get("bob", said.id()), "isolation");
        assertEquals(HistoryEventType.ADDED, store.history("alice").get(0).type(), "history");
        assertEquals(List.of(said.id()), store.search("alice", store.vector("alice", said.id()).orElseThrow(), 5, MemoryFilter.EPISODES)
                .stream().map(h -> h.memory().id()).toList());
        assertEquals(List.of(), store.search("alice", store.vector("alice", said.id()).orElseThrow(), 5, MemoryFilter.PREFERENCES));
        Memory preference = store.add("alice", MemoryDraft.of("I like Lisbon", TestVectors.random(random, DIM)));
        assertEquals(Optional.of(said), store.latest("alice", MemoryKind.EPISODE), "the latest episode, past a later preference");
        assertEquals(Optional.of(preference), store.latest("alice", MemoryKind.EXPLICIT));
        assertEquals(Optional.empty(), store.latest("bob", MemoryKind.EPISODE));
        Memory later = store.add("alice", episode("[2 May 2024, 9:00 AM] and then Porto", TestVectors.random(random, DIM)));
        assertEquals(Optional.of(later), store.latest("alice", MemoryKind.EPISODE));
        assertTrue(store.delete("alice", later.id()));
        assertEquals(Optional.of(said), store.latest("alice", MemoryKind.EPISODE), "a deleted one is no longer the latest");
        assertTrue(store.delete("alice", preference.id()));
        assertTrue(store.delete("alice", said.id()), "hard delete");
        assertTrue(store.history("alice").stream().allMatch(HistoryEvent::redacted));
    }

    @Test
    void linksJoinAPreferenceToItsEpisodesAndGoWithEither() {
        Random random = new Random(24);
        Memory preference = store.add("alice", new MemoryDraft("I am vegetarian", TestVectors.random(random, DIM), "diet", MemoryKind.EXPLICIT, 1));
        Memory first = store.add("alice", episode("[1 May 2024, 9:00 AM] I'm vegetarian", TestVectors.random(random, DIM)));
        Memory second = store.add("alice", episode("[2 May 2024, 9:00 AM] Still vegetarian", TestVectors.random(random, DIM)));
        Memory other = store.add("bob", episode("[2 May 2024, 9:00 AM] bob's turn", TestVectors.random(random, DIM)));
        long before = store.bytesStored("alice");
        store.link("alice", preference.id(), second.id());
        store.link("alice", preference.id(), first.id());
        store.link("alice", preference.id(), first.id());
        assertEquals(List.of(first.id(), second.id()), store.linkedEpisodes("alice", preference.id()), "by id, once each");
        assertEquals(java.util.Map.of(preference.id(), List.of(first.id(), second.id())),
                store.linkedEpisodes("alice", List.of(first.id(), preference.id(), preference.id(), 999L)), "one read of many, the unlinked left out");
        assertEquals(java.util.Map.of(), store.linkedEpisodes("bob", List.of(preference.id())), "another user's links are not bob's");
        assertEquals(before + 32, store.bytesStored("alice"), "16 bytes per link");
        assertEquals(List.of(), store.linkedEpisodes("bob", preference.id()));
        assertThrows(NoSuchElementException.class, () -> store.link("alice", preference.id(), other.id()), "bob's episode is not alice's");
        assertThrows(NoSuchElementException.class, () -> store.link("bob", preference.id(), other.id()));
        assertThrows(IllegalArgumentException.class, () -> store.link("alice", first.id(), preference.id()), "only episodes are linked to");
        store.delete("alice", second.id());
        assertEquals(List.of(first.id()), store.linkedEpisodes("alice", preference.id()), "a deleted episode's link goes");
        store.delete("alice", preference.id());
        assertEquals(List.of(), store.linkedEpisodes("alice", preference.id()), "a deleted preference's links go");
        assertTrue(store.get("alice", first.id()).isPresent(), "the store deletes no episode on its own");
    }

    @Test
    void aContextsWordsAreFoundWithTheMemoryAndLeaveItWhenTheContextIsDeleted() {
        Random random = new Random(25);
        Memory question = store.add("alice", episode("[1 May 2024, 9:00 AM] Bob: What are you researching these days?",
                TestVectors.random(random, DIM)));
        Memory reply = store.add("alice", new MemoryDraft("[1 May 2024, 9:01 AM] Alice: Adoption agencies, mostly",
                TestVectors.random(random, DIM), "", MemoryKind.EPISODE, 1.0, OptionalLong.of(question.id())));
        assertEquals(OptionalLong.of(question.id()), reply.context());
        assertEquals(OptionalLong.of(question.id()), store.get("alice", reply.id()).orElseThrow().context(), "kept as written");
        assertEquals(List.of(question.id(), reply.id()), lexicalIds(store.lexicalSearch("alice", "researching", 10, MemoryFilter.NONE)).stream()
                .sorted().toList(), "the reply is found by the words of what it answers");
        assertEquals(List.of(reply.id()), lexicalIds(store.lexicalSearch("alice", "adoption", 10, MemoryFilter.NONE)),
                "the context is not indexed with the words of what follows it");
        assertThrows(NoSuchElementException.class, () -> store.add("bob", new MemoryDraft("bob's turn", TestVectors.random(random, DIM), "",
                MemoryKind.EPISODE, 1.0, OptionalLong.of(question.id()))), "alice's memory is no context of bob's");
        assertEquals(0, store.count("bob"), "nothing written for the refused draft");
        long before = store.bytesStored("alice");
        assertTrue(store.delete("alice", question.id()));
        assertEquals(List.of(), lexicalIds(store.lexicalSearch("alice", "researching", 10, MemoryFilter.NONE)),
                "a deleted memory's words survive in no other memory's index entry");
        assertEquals(List.of(reply.id()), lexicalIds(store.lexicalSearch("alice", "adoption agencies", 10, MemoryFilter.NONE)));
        Memory bare = store.get("alice", reply.id()).orElseThrow();
        assertEquals(OptionalLong.empty(), bare.context(), "the reply lost its context");
        assertEquals(reply.useCount(), bare.useCount(), "and nothing else");
        assertEquals(reply.updatedAt(), bare.updatedAt());
        assertTrue(store.bytesStored("alice") < before);
    }

    private static List<Long> lexicalIds(List<LexicalHit> hits) {
        return hits.stream().map(h -> h.memory().id()).toList();
    }
}
