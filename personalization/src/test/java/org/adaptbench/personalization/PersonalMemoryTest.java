package org.adaptbench.personalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.adaptbench.personalization.MemoryChange.Type;
import org.adaptbench.personalization.embed.CachingEmbedder;
import org.adaptbench.personalization.embed.LangChain4jEmbedder;
import org.adaptbench.personalization.extract.ConversationTurn;
import org.adaptbench.personalization.extract.SlotCatalogue;
import org.adaptbench.personalization.extract.SlotDefinition;
import org.adaptbench.personalization.lifecycle.LifecyclePolicy;
import org.adaptbench.personalization.store.HistoryEventType;
import org.adaptbench.personalization.store.Memory;
import org.adaptbench.personalization.store.MemoryFilter;
import org.adaptbench.personalization.store.SqliteMemoryStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalMemoryTest {

    private static LangChain4jEmbedder minilm;
    private static final SlotCatalogue SLOTS = new SlotCatalogue(List.of(
            new SlotDefinition("seat", "seat preference on flights", List.of("I prefer aisle seats", "I like the window seat")),
            new SlotDefinition("drink", "preferred hot drink", List.of("I prefer tea over coffee", "I drink my coffee black")),
            new SlotDefinition("music", "favourite music genre", List.of("I love jazz", "I listen to classical music"))));

    private final ManualClock clock = new ManualClock(Instant.parse("2024-06-01T08:00:00Z"));
    private CachingEmbedder embedder;
    private PersonalMemory memory;

    @TempDir
    Path folder;

    @BeforeAll
    static void loadModel() {
        minilm = LangChain4jEmbedder.allMiniLmL6V2();
    }

    @BeforeEach
    void build() {
        embedder = new CachingEmbedder(minilm);
        memory = PersonalMemory.builder().embedder(embedder).slots(SLOTS).clock(clock).build();
    }

    private ObserveResult say(String user, String text) {
        clock.advance(Duration.ofMinutes(1));
        return memory.observe(user, ConversationTurn.user(text, clock.instant()));
    }

    /** The preference changes (the turn's own episode, {@link Type#RECORDED}, left out). */
    private static List<Type> types(ObserveResult result) {
        return preferenceChanges(result).stream().map(MemoryChange::type).toList();
    }

    private static List<MemoryChange> preferenceChanges(ObserveResult result) {
        return result.changes().stream().filter(change -> change.type() != Type.RECORDED).toList();
    }

    @Test
    void statementsAreRememberedReinforcedSupersededAndForgotten() {
        assertEquals(List.of(Type.ADDED), types(say("alice", "I prefer aisle seats on long flights.")));
        assertEquals(List.of(), types(say("alice", "What's the weather in Oslo?")));
        ObserveResult restated = say("alice", "I prefer aisle seats on long flights!");
        assertEquals(List.of(Type.REINFORCED), types(restated));
        assertEquals(2, memory.memories("alice").get(0).useCount());

        ObserveResult changed = say("alice", "Actually, I now prefer window seats.");
        assertEquals(List.of(Type.SUPERSEDED), types(changed));
        assertEquals("I prefer aisle seats on long flights.", preferenceChanges(changed).get(0).previousText().orElseThrow());
        List<Memory> memories = memory.memories("alice");
        assertEquals(1, memories.size());
        assertEquals("Actually, I now prefer window seats.", memories.get(0).text());
        assertTrue(memory.recall("alice", "Which seat should I book?", 3).memories().get(0).memory().text().endsWith("Actually, I now prefer window seats."),
                "the new preference, or the turn that stated it");
        assertEquals("Actually, I now prefer window seats.", memory.recall("alice", "Which seat should I book?", 3, MemoryFilter.PREFERENCES)
                .memories().get(0).memory().text());
        assertTrue(memory.history("alice").stream().anyMatch(e -> e.type() == HistoryEventType.UPDATED
                && e.previousText().orElse("").contains("aisle")), "the old preference stays in the history");

        assertEquals(List.of(Type.ADDED), types(say("alice", "I love jazz.")));
        // the preference goes with the three episodes that stated it; the request itself is not kept
        assertEquals(List.of(Type.FORGOTTEN, Type.FORGOTTEN, Type.FORGOTTEN, Type.FORGOTTEN),
                types(say("alice", "Please forget that I like window seats.")));
        assertEquals(List.of("I love jazz."), memory.memories("alice").stream().map(Memory::text).toList());
        assertTrue(memory.episodes("alice").stream().noneMatch(e -> e.text().contains("seat")), memory.episodes("alice").toString());
        assertTrue(memory.recall("alice", "Which seat should I book?", 10).memories().stream().noneMatch(m -> m.memory().text().contains("seat")));
        assertEquals(List.of(Type.FORGOTTEN, Type.FORGOTTEN), types(say("alice", "Forget that.")));
        assertEquals(List.of(), memory.memories("alice"));
        assertEquals(List.of("[1 June 2024, 8:02 AM] What's the weather in Oslo?"), memory.episodes("alice").stream().map(Memory::text).toList());
        assertEquals(List.of(Type.IGNORED), types(say("alice", "Forget that I like tea.")));
    }

    @Test
    void anImplicitPickDoesNotOverrideWhatTheUserSaid() {
        say("bob", "I prefer tea over coffee.");
        clock.advance(Duration.ofMinutes(1));
        ObserveResult pick = memory.observe("bob", ConversationTurn.pick("Coffee or tea?", List.of("Espresso", "Green tea"), 0, clock.instant()));
        assertEquals(List.of(Type.IGNORED), types(pick));
        ObserveResult music = memory.observe("bob", ConversationTurn.pick("Which playlist?", List.of("Smooth jazz", "Heavy metal"), 1, clock.instant()));
        assertEquals(List.of(Type.ADDED), types(music));
        assertEquals("music", preferenceChanges(music).get(0).slot());
        memory.forgetSlot("bob", "drink");
        assertTrue(memory.episodes("bob").stream().noneMatch(e -> e.text().contains("tea")),
                "the ignored pick was about the forgotten slot: its episode goes too");
    }

    @Test
    void openSlotsSupersedeByNearnessAndKeepUnrelatedPreferences() {
        PersonalMemory open = PersonalMemory.builder().embedder(embedder).clock(clock).build();
        open.observe("carol", ConversationTurn.user("I prefer aisle seats on flights.", clock.instant()));
        open.observe("carol", ConversationTurn.user("I love spicy food.", clock.instant()));
        ObserveResult changed = open.observe("carol", ConversationTurn.user("Actually I prefer window seats on flights.", clock.instant()));
        assertEquals(List.of(Type.SUPERSEDED), types(changed), changed.toString());
        assertEquals(List.of("Actually I prefer window seats on flights.", "I love spicy food."),
                open.memories("carol").stream().map(Memory::text).sorted().toList());
    }

    @Test
    void forgetAllLeavesNothingOfTheUserInStoreOrCache() {
        say("dave", "I prefer aisle seats on long flights.");
        say("dave", "My favourite music is ZQXMARKER polka.");
        memory.recall("dave", "what music does dave like", 3);
        say("erin", "I prefer aisle seats on long flights.");
        embedder.embed("Which seat would you like?");
        assertTrue(embedder.contains("My favourite music is ZQXMARKER polka."));

        ForgetResult result = memory.forgetAll("dave");
        assertEquals(4, result.deletedIds().size(), "two preferences and the two episodes that stated them");
        assertEquals(List.of(), memory.episodes("dave"));
        assertEquals(List.of(), memory.memories("dave"));
        assertTrue(memory.history("dave").stream().allMatch(e -> e.redacted()));
        assertFalse(embedder.contains("My favourite music is ZQXMARKER polka."), "dave's own text left the cache");
        assertFalse(embedder.contains("what music does dave like"), "dave's query left the cache");
        assertTrue(embedder.contains("I prefer aisle seats on long flights."), "erin still holds this text");
        assertTrue(embedder.contains("Which seat would you like?"), "shared texts stay");
        assertEquals(1, memory.memories("erin").size());
        assertTrue(memory.bytesStored("dave") < 300, "only tombstones (8 events of 26 bytes): " + memory.bytesStored("dave"));
    }

    @Test
    void buildContextFitsTheBudgetCountsTokensExactlyAndReinforces() {
        say("frank", "I prefer aisle seats on long flights.");
        say("frank", "I love jazz.");
        say("frank", "I prefer tea over coffee.");
        ContextResult context = memory.buildContext("frank", "Book me a flight to Rome", 500);
        assertEquals(6, context.memories().size(), "three preferences, then the three turns");
        assertTrue(context.memories().subList(0, 3).stream().allMatch(m -> m.memory().kind().isPreference()), context.text());
        assertTrue(context.memories().subList(3, 6).stream().noneMatch(m -> m.memory().kind().isPreference()), context.text());
        assertTrue(context.memories().get(0).memory().text().contains("aisle"), context.text());
        assertEquals(memory.store().dimension(), 384);
        assertEquals(new org.adaptbench.personalization.context.TokenCounter(com.knuddels.jtokkit.api.EncodingType.CL100K_BASE)
                .count(context.text()), context.tokensAdded());
        assertEquals(2, memory.memories("frank").stream().filter(m -> m.text().contains("aisle")).findFirst().orElseThrow().useCount());

        ContextResult tight = memory.buildContext("frank", "Book me a flight to Rome", 75);
        assertTrue(tight.tokensAdded() <= 75 && tight.memories().size() < 6 && tight.memories().size() > 0, tight.text());
        assertEquals(0, memory.buildContext("frank", "Book me a flight", 10).tokensAdded());
        assertEquals("", memory.buildContext("nobody", "Book me a flight", 500).text());
    }


    @Test
    void previewsUnderSeveralBudgetsAreEachBudgetsPreviewAndCountNoUse() {
        say("hana", "I prefer aisle seats on long flights.");
        say("hana", "I love jazz.");
        say("hana", "I prefer tea over coffee.");
        List<Integer> budgets = List.of(500, 75, 10, 0, 200);
        List<ContextResult> previews = memory.previewContexts("hana", "Book me a flight to Rome", budgets);
        assertEquals(budgets.size(), previews.size());
        for (int i = 0; i < budgets.size(); i++) {
            ContextResult alone = memory.previewContext("hana", "Book me a flight to Rome", budgets.get(i));
            assertEquals(alone.text(), previews.get(i).text(), "budget " + budgets.get(i));
            assertEquals(alone.tokensAdded(), previews.get(i).tokensAdded(), "budget " + budgets.get(i));
            assertEquals(alone.memories(), previews.get(i).memories(), "budget " + budgets.get(i));
        }
        assertTrue(previews.get(0).memories().size() > previews.get(1).memories().size(), "the budgets differ in what fits");
        assertEquals(1, memory.memories("hana").stream().filter(m -> m.text().contains("aisle")).findFirst().orElseThrow().useCount(),
                "a preview is not a use");
        ContextResult built = memory.buildContext("hana", "Book me a flight to Rome", 500);
        assertEquals(built.text(), previews.get(0).text(), "a preview shows what a context built now shows");
        assertThrows(IllegalArgumentException.class, () -> memory.previewContexts("hana", "Book me a flight", List.of(100, -1)));
    }
    @Test
    void theCapEvictsTheLeastActiveMemory() {
        PersonalMemory capped = PersonalMemory.builder().embedder(embedder).clock(clock)
                .lifecycle(LifecyclePolicy.DEFAULTS.withMaxMemoriesPerUser(2)).build();
        capped.observe("gina", ConversationTurn.user("I love jazz.", clock.instant()));
        clock.advance(Duration.ofDays(1));
        capped.observe("gina", ConversationTurn.user("I prefer aisle seats.", clock.instant()));
        clock.advance(Duration.ofDays(1));
        long jazz = capped.memories("gina").get(0).id();
        capped.store().recordUse("gina", List.of(jazz), clock.instant());
        ObserveResult third = capped.observe("gina", ConversationTurn.user("I'm vegetarian.", clock.instant()));
        assertEquals(List.of(Type.ADDED, Type.EVICTED), types(third));
        assertEquals(List.of("I love jazz.", "I'm vegetarian."), capped.memories("gina").stream().map(Memory::text).toList());
    }

    @Test
    void worksOnTheSqliteBackendAcrossRestarts() {
        Path file = folder.resolve("memory.db");
        try (PersonalMemory persistent = PersonalMemory.builder().embedder(embedder).slots(SLOTS).clock(clock)
                .store(SqliteMemoryStore.open(file, 384, clock)).build()) {
            persistent.observe("hana", ConversationTurn.user("I prefer aisle seats.", clock.instant()));
            persistent.observe("hana", ConversationTurn.user("I now prefer window seats.", clock.instant()));
        }
        try (PersonalMemory reopened = PersonalMemory.builder().embedder(embedder).slots(SLOTS).clock(clock)
                .store(SqliteMemoryStore.open(file, 384, clock)).build()) {
            assertEquals(List.of("I now prefer window seats."), reopened.memories("hana").stream().map(Memory::text).toList());
            assertTrue(reopened.bytesStored("hana") > 384 * 4);
        }
    }

    @Test
    void aForgottenPreferenceLeavesNeitherMemoryNorEpisodeInRecallOrFileBytes() throws java.io.IOException {
        Path file = folder.resolve("forget.db");
        String marker = "Quokkaburgers";
        try (PersonalMemory persistent = PersonalMemory.builder().embedder(embedder).slots(SLOTS).clock(clock)
                .store(SqliteMemoryStore.open(file, 384, clock)).build()) {
            persistent.observe("ivy", ConversationTurn.user("I love jazz.", clock.instant()));
            clock.advance(Duration.ofMinutes(1));
            persistent.observe("ivy", ConversationTurn.user("I prefer " + marker + " over any other food.", clock.instant()));
            clock.advance(Duration.ofMinutes(1));
            persistent.observe("ivy", ConversationTurn.user("What's the weather in Oslo?", clock.instant()));
            assertTrue(persistent.recall("ivy", marker, 5).memories().stream().anyMatch(m -> m.memory().text().contains(marker)));
            assertTrue(contains(file, marker), "the statement is on disk before the request");
            assertEquals(2, persistent.store().lexicalSearch("ivy", marker, 10, MemoryFilter.EPISODES).size(),
                    "the premise: the turn after the statement is indexed with its words");
            clock.advance(Duration.ofMinutes(1));
            ObserveResult forget = persistent.observe("ivy", ConversationTurn.user("Please forget that I prefer " + marker + ".", clock.instant()));
            assertEquals(List.of(Type.FORGOTTEN, Type.FORGOTTEN), types(forget), "the preference and the episode that stated it");
            assertTrue(persistent.recall("ivy", "what food do I like " + marker, 10).memories().stream()
                    .noneMatch(m -> m.memory().text().contains(marker)), "recalled neither as preference nor as episode");
            assertEquals(3, persistent.episodes("ivy").size() + persistent.memories("ivy").size(), "jazz (both kinds) and the weather turn remain");
            assertFalse(contains(file, marker), "no byte of the statement, episode or index entry is left in the files");
            assertFalse(contains(file, marker.toLowerCase(java.util.Locale.US).substring(0, 8)), "nor its indexed (lower-cased, stemmed) word");
        }
    }

    @Test
    void eachTurnIsKeptWithTheOneBeforeItAndARecalledTurnTakesThePlaceOfItsPreference() {
        say("kim", "What have you been up to these days?");
        say("kim", "Researching adoption agencies, mostly.");
        say("kim", "I prefer aisle seats.");
        List<Memory> episodes = memory.episodes("kim");
        assertEquals(3, episodes.size());
        assertEquals(java.util.OptionalLong.empty(), episodes.get(0).context());
        assertEquals(java.util.OptionalLong.of(episodes.get(0).id()), episodes.get(1).context(), "each turn's context is the turn before it");
        assertEquals(java.util.OptionalLong.of(episodes.get(1).id()), episodes.get(2).context());
        assertEquals(List.of(episodes.get(1).id()), memory.store().lexicalSearch("kim", "what about these days", 5, MemoryFilter.EPISODES)
                .stream().map(hit -> hit.memory().id()).filter(id -> id != episodes.get(0).id()).toList(),
                "the reply is found by the words of the question it answers");
        Memory preference = memory.memories("kim").stream().filter(m -> m.text().contains("aisle")).findFirst().orElseThrow();
        List<Long> recalled = memory.recall("kim", "Which seat should I book, aisle or window?", 5).memories().stream()
                .map(hit -> hit.memory().id()).toList();
        assertTrue(recalled.contains(episodes.get(2).id()), "the stating turn is recalled: " + recalled);
        assertFalse(recalled.contains(preference.id()), "so the preference read in it gives up its place: " + recalled);
        assertTrue(memory.recall("kim", "Which seat should I book, aisle or window?", 5, MemoryFilter.PREFERENCES)
                .memories().stream().anyMatch(hit -> hit.memory().id() == preference.id()), "without its turn beside it, it stays");
        PersonalMemory plain = PersonalMemory.builder().embedder(embedder).slots(SLOTS).clock(clock).turnContext(false).build();
        plain.observe("kim", ConversationTurn.user("What have you been up to these days?", clock.instant()));
        plain.observe("kim", ConversationTurn.user("Researching adoption agencies, mostly.", clock.instant()));
        assertTrue(plain.episodes("kim").stream().allMatch(e -> e.context().isEmpty()), "turn context switched off");
    }

    @Test
    void aTurnAboutAForgottenSlotGoesWithItEvenWhenNoPreferenceWasReadInIt() throws java.io.IOException {
        Path file = folder.resolve("unread.db");
        String marker = "Zanzibop";
        try (PersonalMemory persistent = PersonalMemory.builder().embedder(embedder).slots(SLOTS).clock(clock)
                .store(SqliteMemoryStore.open(file, 384, clock)).build()) {
            persistent.observe("jo", ConversationTurn.user("I love jazz.", clock.instant()));
            clock.advance(Duration.ofMinutes(1));
            ObserveResult unread = persistent.observe("jo", ConversationTurn.user("Have you heard the " + marker + " jazz band play live music?",
                    clock.instant()));
            assertEquals(List.of(), types(unread), "the premise: the extractor reads no preference in this turn");
            Memory episode = persistent.episodes("jo").get(1);
            assertEquals("music", episode.slot(), "the slot classifier files the turn under the slot it is about");
            assertEquals(List.of(), persistent.store().linkedEpisodes("jo", persistent.memories("jo").get(0).id()).stream()
                    .filter(id -> id == episode.id()).toList(), "and it is linked to no preference");
            clock.advance(Duration.ofMinutes(1));
            persistent.observe("jo", ConversationTurn.user("I prefer aisle seats.", clock.instant()));
            clock.advance(Duration.ofMinutes(1));
            ObserveResult forget = persistent.observe("jo", ConversationTurn.user("Please forget my taste in music.", clock.instant()));
            assertTrue(forget.changes().stream().anyMatch(change -> change.type() == Type.FORGOTTEN && change.memoryId().getAsLong() == episode.id()
                    && change.reason().contains("slot music")), "the unread turn is forgotten, with the reason: " + forget.changes());
            assertTrue(persistent.recall("jo", marker + " jazz band music", 10).memories().stream()
                    .noneMatch(m -> m.memory().text().contains(marker) || m.memory().text().contains("jazz")));
            assertEquals(List.of("I prefer aisle seats."), persistent.memories("jo").stream().map(Memory::text).toList(),
                    "the other slot's preference stays");
            assertEquals(1, persistent.episodes("jo").size(), "and so does its episode");
            assertFalse(contains(file, marker), "no byte of the unread turn is left in the files");
        }
    }

    private static boolean contains(Path db, String needle) throws java.io.IOException {
        byte[] wanted = needle.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String suffix : List.of("", "-wal", "-journal")) {
            Path file = db.resolveSibling(db.getFileName() + suffix);
            if (java.nio.file.Files.exists(file)) {
                byte[] bytes = java.nio.file.Files.readAllBytes(file);
                outer:
                for (int i = 0; i + wanted.length <= bytes.length; i++) {
                    for (int j = 0; j < wanted.length; j++) {
                        if (bytes[i + j] != wanted[j]) {
                            continue outer;
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void badArgumentsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> memory.recall(" ", "q", 3));
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class, () -> memory.recall("u", "q", 0));
        assertTrue(k.getMessage().contains("k must be positive"));
        IllegalArgumentException query = assertThrows(IllegalArgumentException.class, () -> memory.recall("u", "", 3));
        assertTrue(query.getMessage().contains("query is empty"));
        IllegalArgumentException dim = assertThrows(IllegalArgumentException.class, () -> PersonalMemory.builder().embedder(embedder)
                .store(new org.adaptbench.personalization.store.InMemoryMemoryStore(16)).build());
        assertTrue(dim.getMessage().contains("store holds 16-d vectors"));
    }
}
