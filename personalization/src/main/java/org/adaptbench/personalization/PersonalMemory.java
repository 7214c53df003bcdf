package org.adaptbench.personalization;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.adaptbench.personalization.context.ContextBuilder;
import org.adaptbench.personalization.context.MemoryContext;
import org.adaptbench.personalization.embed.CachingEmbedder;
import org.adaptbench.personalization.embed.Embedder;
import org.adaptbench.personalization.embed.LangChain4jEmbedder;
import org.adaptbench.personalization.embed.Vectors;
import org.adaptbench.personalization.extract.ConversationTurn;
import org.adaptbench.personalization.extract.Extraction;
import org.adaptbench.personalization.extract.OfflinePreferenceExtractor;
import org.adaptbench.personalization.extract.PreferenceExtractor;
import org.adaptbench.personalization.extract.PreferenceSignal;
import org.adaptbench.personalization.extract.SlotCatalogue;
import org.adaptbench.personalization.extract.SlotClassifier;
import org.adaptbench.personalization.lifecycle.LifecyclePolicy;
import org.adaptbench.personalization.lifecycle.MaintenanceReport;
import org.adaptbench.personalization.lifecycle.MemoryMaintainer;
import org.adaptbench.personalization.score.RetrievalScorer;
import org.adaptbench.personalization.score.ScoreWeights;
import org.adaptbench.personalization.score.ScoredMemory;
import org.adaptbench.personalization.store.HistoryEvent;
import org.adaptbench.personalization.store.InMemoryMemoryStore;
import org.adaptbench.personalization.store.LexicalHit;
import org.adaptbench.personalization.store.Memory;
import org.adaptbench.personalization.store.MemoryDraft;
import org.adaptbench.personalization.store.MemoryFilter;
import org.adaptbench.personalization.store.MemoryHit;
import org.adaptbench.personalization.store.MemoryKind;
import org.adaptbench.personalization.store.MemoryStore;
import org.adaptbench.personalization.store.StoreInputs;

/**
 * Per-user memory in one object: observe conversation turns, recall what matters for a query,
 * render it into a prompt, and forget on request.
 *
 * <p><b>Two kinds of memory.</b> Preferences (explicit, implicit, notes: one active per slot)
 * are extracted from what the user says; episodes are the turns themselves, each stored as said,
 * with its speaker and date ({@link EpisodeText}), so that "when did I ...", "what did she say about
 * ..." can be answered; each episode is indexed with the words of the turn before it and scored
 * with its neighbours, since a reply rarely repeats what it answers. Retrieval ranks both by dense
 * similarity and BM25 fused with recency, activation and the neighbour term ({@link ScoreWeights});
 * a recalled preference whose stating turns are all recalled beside it gives up its place. A context
 * shows the relevant preferences first, then the relevant episodes, under one token budget.
 *
 * <pre>{@code
 * PersonalMemory memory = PersonalMemory.builder().slots(catalogue).build();
 * memory.observe("alice", ConversationTurn.user("I prefer aisle seats.", now));
 * ContextResult context = memory.buildContext("alice", "Book me a flight to Oslo", 200);
 * String systemPrompt = basePrompt + "\n" + context.text();      // context.tokensAdded() tokens more
 * memory.forgetAll("alice");                                        // hard delete, caches included
 * }</pre>
 *
 * <p><b>Conflicts.</b> A slot holds one active preference. A new statement on a slot replaces the
 * current one (kept in the history, no longer recalled), unless it restates it (cosine at least
 * the lifecycle's duplicate threshold: the old memory is reinforced instead) or it is an implicit
 * signal (a pick, a reaction to an answer) against an explicit statement (ignored: what the user
 * stated outranks what they clicked or how they reacted).
 * Without a slot, the nearest open memory at or above {@code openSlotSupersedeThreshold} plays
 * the slot's part. A forget request deletes the slot's memory, else the memory most similar to
 * what is to be forgotten (at least {@code forgetThreshold}), and "forget that" the latest one.
 *
 * <p><b>Costs.</b> Every operation returns the nanoseconds it took, measured once around the whole
 * call. Thread-safe when its parts are (all the defaults are); calls for one user should not race
 * one another if their order matters.
 */
public final class PersonalMemory implements AutoCloseable {

    private final MemoryStore store;
    private final Embedder embedder;
    private final PreferenceExtractor extractor;
    private final RetrievalScorer scorer;
    private final MemoryMaintainer maintainer;
    private final ContextBuilder contextBuilder;
    private final Clock clock;
    private final double openSlotSupersedeThreshold;
    private final double forgetThreshold;
    private final int candidatePool;
    private final int contextMemories;
    private final boolean reinforceOnUse;
    private final boolean episodes;
    private final int contextEpisodes;
    private final boolean turnContext;
    private final ScoreWeights weights;
    private final SlotClassifier slotClassifier;

    private PersonalMemory(Builder b, MemoryStore store, PreferenceExtractor extractor, SlotClassifier slotClassifier) {
        this.store = store;
        this.embedder = b.embedder;
        this.extractor = extractor;
        this.scorer = new RetrievalScorer(b.weights);
        this.maintainer = new MemoryMaintainer(store, b.lifecycle, b.weights.decay(), b.clock);
        this.contextBuilder = b.contextBuilder;
        this.clock = b.clock;
        this.openSlotSupersedeThreshold = b.openSlotSupersedeThreshold;
        this.forgetThreshold = b.forgetThreshold;
        this.candidatePool = b.candidatePool;
        this.contextMemories = b.contextMemories;
        this.reinforceOnUse = b.reinforceOnUse;
        this.episodes = b.episodes;
        this.contextEpisodes = b.contextEpisodes;
        this.turnContext = b.turnContext;
        this.weights = b.weights;
        this.slotClassifier = slotClassifier;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Keeps {@code turn} as an episode (unless episodes are off, or the turn asks to forget: a
     * request to forget X is not kept, or it would recall X), extracts what it says about
     * {@code userId}'s preferences and writes that, each preference linked to the episode. The episode
     * is filed under the slot it is about ({@link #episodeSlot}), so that forgetting the slot finds
     * it even when no preference was read in it. All of a
     * turn's writes (episode, preferences, links, uses, evictions, deletions) are one write of the
     * store ({@link MemoryStore#atomically}): on a durable store one transaction, all or nothing.
     */
    public ObserveResult observe(String userId, ConversationTurn turn) {
        StoreInputs.userId(userId);
        Objects.requireNonNull(turn, "turn");
        long start = System.nanoTime();
        Extraction extraction = extractor.extract(userId, turn);
        long extracted = System.nanoTime();
        boolean asksToForget = extraction.signals().stream().anyMatch(signal -> signal.action() == PreferenceSignal.Action.FORGET);
        boolean keepEpisode = episodes && !asksToForget;
        // embedded before the write begins, so that no store lock is held while a model runs
        float[] episodeVector = keepEpisode ? embedder.embedFor(userId, EpisodeText.embeddedPart(turn)) : null;
        for (PreferenceSignal signal : extraction.signals()) {
            if (signal.action() == PreferenceSignal.Action.REMEMBER) {
                embedder.embedFor(userId, signal.statement());
            }
        }
        List<MemoryChange> changes = store.atomically(() -> {
            List<MemoryChange> made = new ArrayList<>();
            OptionalLong episode = OptionalLong.empty();
            if (keepEpisode) {
                Memory written = store.add(userId, new MemoryDraft(EpisodeText.of(turn), episodeVector,
                        episodeSlot(extraction, episodeVector), MemoryKind.EPISODE, 1.0, previousEpisode(userId)));
                episode = OptionalLong.of(written.id());
                made.add(change(MemoryChange.Type.RECORDED, written, Optional.empty(), "the turn, kept as an episode"));
            }
            for (PreferenceSignal signal : extraction.signals()) {
                if (signal.action() == PreferenceSignal.Action.REMEMBER) {
                    made.add(remember(userId, signal, episode));
                } else {
                    made.addAll(forget(userId, signal));
                }
            }
            Set<Long> written = new HashSet<>();
            made.forEach(c -> c.memoryId().ifPresent(written::add));
            for (long id : maintainer.enforceCap(userId, written)) {
                made.add(new MemoryChange(MemoryChange.Type.EVICTED, OptionalLong.of(id), "", "", Optional.empty(), "over the per-user cap"));
            }
            return made;
        });
        return new ObserveResult(changes, extraction.warnings(), extracted - start, System.nanoTime() - extracted);
    }

    /**
     * The user's latest episode, the new episode's lexical context and conversation neighbour (see
     * {@link ScoreWeights}); none when turn context is off or the user has no episode yet.
     */
    private OptionalLong previousEpisode(String userId) {
        if (!turnContext) {
            return OptionalLong.empty();
        }
        return store.latest(userId, MemoryKind.EPISODE).map(episode -> OptionalLong.of(episode.id())).orElse(OptionalLong.empty());
    }

    /**
     * The slot an episode is about: that of the first preference the extractor read in it, else the
     * slot classifier's best slot for what was said (the same classifier and floor that file
     * statements), else none (an open catalogue, small talk). A turn the extractor missed, such as
     * feedback in words it does not know, is still filed where it belongs.
     */
    private String episodeSlot(Extraction extraction, float[] vector) {
        return extraction.signals().stream().filter(signal -> signal.action() == PreferenceSignal.Action.REMEMBER)
                .map(PreferenceSignal::slot).filter(slot -> !slot.isEmpty()).findFirst()
                .orElseGet(() -> slotClassifier.classify(vector));
    }

    /** Observes each turn in order. */
    public List<ObserveResult> observeAll(String userId, List<ConversationTurn> turns) {
        List<ObserveResult> results = new ArrayList<>(turns.size());
        for (ConversationTurn turn : turns) {
            results.add(observe(userId, turn));
        }
        return results;
    }

    /** The {@code k} memories of {@code userId}, preferences and episodes alike, that best serve {@code query}, by composite score. */
    public RecallResult recall(String userId, String query, int k) {
        return recall(userId, query, k, MemoryFilter.NONE);
    }

    /** The {@code k} memories of {@code userId} passing {@code filter} that best serve {@code query}, by composite score. */
    public RecallResult recall(String userId, String query, int k, MemoryFilter filter) {
        long start = System.nanoTime();
        List<ScoredMemory> ranked = rank(userId, query, k, filter);
        return new RecallResult(ranked, System.nanoTime() - start);
    }

    /**
     * Recalls memories for {@code query} and renders them as a fenced, quoted prompt section of at
     * most {@code tokenBudget} tokens: the best {@code contextMemories} preferences first, then the
     * best {@code contextEpisodes} episodes, each taken while it fits. The memories shown count as
     * used (reinforcement) unless the builder switched that off.
     */
    public ContextResult buildContext(String userId, String query, int tokenBudget) {
        long start = System.nanoTime();
        MemoryContext context = assemble(userId, query, tokenBudget);
        if (reinforceOnUse && !context.isEmpty()) {
            store.recordUse(userId, context.memories().stream().map(s -> s.memory().id()).toList(), clock.instant());
        }
        return new ContextResult(context, System.nanoTime() - start);
    }

    /**
     * The section {@link #buildContext} would render now, without counting it as a use: for
     * measuring what a model would be shown without changing what it will be shown next.
     */
    public ContextResult previewContext(String userId, String query, int tokenBudget) {
        return previewContexts(userId, query, List.of(tokenBudget)).get(0);
    }

    /**
     * {@link #previewContext} under each of {@code tokenBudgets}, in order, from one recall: what is
     * recalled does not depend on the budget, only what of it fits. Each result's time is the recall's
     * plus its own rendering, what a preview under that budget alone takes.
     */
    public List<ContextResult> previewContexts(String userId, String query, List<Integer> tokenBudgets) {
        tokenBudgets.forEach(PersonalMemory::checkBudget);
        long start = System.nanoTime();
        List<ScoredMemory> shown = shown(userId, query);
        long recalled = System.nanoTime() - start;
        List<ContextResult> results = new ArrayList<>(tokenBudgets.size());
        for (int tokenBudget : tokenBudgets) {
            long rendering = System.nanoTime();
            MemoryContext context = contextBuilder.build(shown, tokenBudget);
            results.add(new ContextResult(context, recalled + System.nanoTime() - rendering));
        }
        return List.copyOf(results);
    }

    private MemoryContext assemble(String userId, String query, int tokenBudget) {
        checkBudget(tokenBudget);
        return contextBuilder.build(shown(userId, query), tokenBudget);
    }

    private static void checkBudget(int tokenBudget) {
        if (tokenBudget < 0) {
            throw new IllegalArgumentException("tokenBudget must be >= 0, was " + tokenBudget);
        }
    }

    /** What a context for {@code query} draws from, best first: the best preferences, then the best episodes. */
    private List<ScoredMemory> shown(String userId, String query) {
        if (!episodes || contextEpisodes <= 0) {
            return new ArrayList<>(rank(userId, query, contextMemories, MemoryFilter.PREFERENCES));
        }
        StoreInputs.userId(userId);
        StoreInputs.k(contextMemories);
        StoreInputs.k(contextEpisodes);
        StoreInputs.text(query, "query");
        // one lexical search for both kinds: the store can share it (the hits are each kind's own search's)
        List<List<LexicalHit>> lexical = weights.enabled(ScoreWeights.Term.LEXICAL)
                ? store.lexicalSearches(userId, query, List.of(pool(contextMemories), pool(contextEpisodes)),
                        List.of(MemoryFilter.PREFERENCES, MemoryFilter.EPISODES))
                : List.of(List.of(), List.of());
        List<ScoredMemory> shown = new ArrayList<>(rank(userId, query, contextMemories, MemoryFilter.PREFERENCES, lexical.get(0)));
        shown.addAll(rank(userId, query, contextEpisodes, MemoryFilter.EPISODES, lexical.get(1)));
        return shown;
    }

    /** Hard-deletes one memory and, for a preference, the episodes that stated it. */
    public ForgetResult forget(String userId, long memoryId) {
        long start = System.nanoTime();
        Optional<Memory> memory = store.get(userId, memoryId);
        List<Forgotten> gone = memory.isEmpty() ? List.of() : store.atomically(() -> deleteWithEpisodes(userId, memory.get()));
        return forgotten(userId, gone, start);
    }

    /** The result of deleting {@code gone}, after dropping their cached embeddings (once the deletion has committed). */
    private ForgetResult forgotten(String userId, List<Forgotten> gone, long start) {
        List<Long> deleted = new ArrayList<>();
        int dropped = 0;
        for (Forgotten forgotten : gone) {
            deleted.add(forgotten.memory().id());
            dropped += forgetEmbedding(userId, forgotten.memory()) ? 1 : 0;
        }
        return new ForgetResult(deleted, dropped, System.nanoTime() - start);
    }

    /** Hard-deletes every memory of {@code slot}, the episodes that stated them and the episodes filed under the slot. */
    public ForgetResult forgetSlot(String userId, String slot) {
        long start = System.nanoTime();
        List<Forgotten> gone = store.atomically(() -> {
            List<Forgotten> deleted = new ArrayList<>();
            for (Memory memory : store.list(userId)) {
                if (memory.kind().isPreference() && memory.slot().equals(slot)) {
                    deleted.addAll(deleteWithEpisodes(userId, memory));
                }
            }
            deleted.addAll(deleteSlotEpisodes(userId, slot, "an episode about slot " + slot + ", which was forgotten"));
            return deleted;
        });
        return forgotten(userId, gone, start);
    }

    /**
     * Hard-deletes every memory of {@code userId}, their history texts, and every embedding-cache
     * entry held only on the user's behalf (statements, queries).
     */
    public ForgetResult forgetAll(String userId) {
        long start = System.nanoTime();
        List<Long> ids = store.list(userId).stream().map(Memory::id).toList();
        store.deleteAll(userId);
        int dropped = embedder.forgetOwner(userId);
        return new ForgetResult(ids, dropped, System.nanoTime() - start);
    }

    /** Merges duplicates, expires stale memories and enforces the cap for {@code userId}. */
    public MaintenanceReport maintain(String userId) {
        return maintainer.maintain(userId);
    }

    /** Bytes held for the user under the store's measure ({@link MemoryStore#bytesStored}). */
    public long bytesStored(String userId) {
        return store.bytesStored(userId);
    }

    /** The user's preferences, by id. */
    public List<Memory> memories(String userId) {
        return store.list(userId).stream().filter(m -> m.kind().isPreference()).toList();
    }

    /** The user's episodes (the turns kept as said), by id. */
    public List<Memory> episodes(String userId) {
        return store.list(userId).stream().filter(m -> m.kind() == MemoryKind.EPISODE).toList();
    }

    /** The user's audit trail. */
    public List<HistoryEvent> history(String userId) {
        return store.history(userId);
    }

    public MemoryStore store() {
        return store;
    }

    public Embedder embedder() {
        return embedder;
    }

    @Override
    public void close() {
        store.close();
    }

    /**
     * Dense and lexical candidates ({@code candidatePool} of each), fused and scored. The lexical
     * search is skipped when its weight is 0; a candidate found only by words gets its cosine from
     * its stored vector.
     */
    private List<ScoredMemory> rank(String userId, String query, int k, MemoryFilter filter) {
        StoreInputs.userId(userId);
        StoreInputs.k(k);
        StoreInputs.text(query, "query");
        List<LexicalHit> lexical = weights.enabled(ScoreWeights.Term.LEXICAL) ? store.lexicalSearch(userId, query, pool(k), filter) : List.of();
        return rank(userId, query, k, filter, lexical);
    }

    /** Candidates per search for {@code k} results. */
    private int pool(int k) {
        return Math.max(k, candidatePool);
    }

    /** {@link #rank(String, String, int, MemoryFilter)} with its lexical search's hits already at hand. */
    private List<ScoredMemory> rank(String userId, String query, int k, MemoryFilter filter, List<LexicalHit> lexical) {
        float[] vector = embedder.embedFor(userId, query);
        int pool = pool(k);
        List<MemoryHit> dense = store.search(userId, vector, pool, filter);
        List<ScoredMemory> fused = scorer.fuse(dense, lexical,
                memory -> store.vector(userId, memory.id()).map(v -> Vectors.cosine(vector, v)).orElse(0.0), 2 * pool, clock.instant());
        return withoutRepeats(userId, fused, k);
    }

    /**
     * The best {@code k} of {@code ranked} (best first) without a preference whose stating episodes
     * are all among them: such a preference is a sentence of a turn already recalled in full, and
     * would spend a place of the k (and the reader's attention) on words it is already shown. A
     * preference restated in a turn that is not recalled, or with no episode (episodes off), stays.
     */
    private List<ScoredMemory> withoutRepeats(String userId, List<ScoredMemory> ranked, int k) {
        List<ScoredMemory> taken = new ArrayList<>();
        Set<Long> episodesTaken = new HashSet<>();
        boolean mixed = ranked.stream().anyMatch(s -> s.memory().kind() == MemoryKind.EPISODE)
                && ranked.stream().anyMatch(s -> s.memory().kind().isPreference());
        // one read of the stating episodes, and none when only one kind was searched
        Map<Long, List<Long>> stating = mixed ? store.linkedEpisodes(userId, ranked.stream().map(ScoredMemory::memory)
                .filter(m -> m.kind().isPreference()).map(Memory::id).toList()) : Map.of();
        for (ScoredMemory candidate : ranked) {
            Memory memory = candidate.memory();
            if (memory.kind() == MemoryKind.EPISODE) {
                episodesTaken.add(memory.id());
                // a preference taken earlier is now shown in full by this episode: it gives up its place
                taken.removeIf(t -> t.memory().kind().isPreference() && repeats(stating.get(t.memory().id()), episodesTaken));
                taken.add(candidate);
            } else if (!repeats(stating.get(memory.id()), episodesTaken)) {
                taken.add(candidate);
            }
            if (taken.size() == k) {
                break;
            }
        }
        return List.copyOf(taken);
    }

    /** True when a preference's stating {@code episodes} are known and all shown. */
    private static boolean repeats(List<Long> episodes, Set<Long> shown) {
        return episodes != null && !episodes.isEmpty() && shown.containsAll(episodes);
    }

    /** A memory deleted by a forget, and why. */
    private record Forgotten(Memory memory, String reason) {
    }

    /**
     * Deletes {@code memory} and, when it is a preference, the episodes linked to it and the episodes
     * filed under its slot (what stated it, also where the extractor read nothing); returns what was
     * deleted, {@code memory} first.
     */
    private List<Forgotten> deleteWithEpisodes(String userId, Memory memory) {
        List<Forgotten> deleted = new ArrayList<>();
        List<Long> linked = memory.kind().isPreference() ? store.linkedEpisodes(userId, memory.id()) : List.of();
        if (store.delete(userId, memory.id())) {
            deleted.add(new Forgotten(memory, ""));
        }
        for (long id : linked) {
            Optional<Memory> episode = store.get(userId, id);
            if (episode.isPresent() && store.delete(userId, id)) {
                deleted.add(new Forgotten(episode.get(), "an episode that stated memory " + memory.id() + ", forgotten with it"));
            }
        }
        if (memory.kind().isPreference() && !memory.slot().isEmpty()) {
            deleted.addAll(deleteSlotEpisodes(userId, memory.slot(),
                    "an episode about slot " + memory.slot() + ", forgotten with memory " + memory.id()));
        }
        return deleted;
    }

    /** Deletes the episodes filed under {@code slot} (none for the open slot ""). */
    private List<Forgotten> deleteSlotEpisodes(String userId, String slot, String reason) {
        if (slot.isEmpty()) {
            return List.of();
        }
        List<Forgotten> deleted = new ArrayList<>();
        for (Memory episode : store.list(userId)) {
            if (episode.kind() == MemoryKind.EPISODE && episode.slot().equals(slot) && store.delete(userId, episode.id())) {
                deleted.add(new Forgotten(episode, reason));
            }
        }
        return deleted;
    }

    /** Drops the cached embedding of a deleted memory: its text for a preference, the said text for an episode. */
    private boolean forgetEmbedding(String userId, Memory memory) {
        return embedder.forgetText(userId, memory.kind() == MemoryKind.EPISODE ? EpisodeText.embeddedPart(memory.text()) : memory.text());
    }

    /**
     * Writes {@code signal} and links the turn's episode to the preference it concerns: the one
     * written, reinforced or replaced, or the explicit one that made an implicit signal be ignored
     * (the episode is about that slot all the same, and must go when it is forgotten).
     */
    private MemoryChange remember(String userId, PreferenceSignal signal, OptionalLong episode) {
        Remembered remembered = remember(userId, signal);
        if (episode.isPresent() && remembered.concerned().isPresent()) {
            store.link(userId, remembered.concerned().getAsLong(), episode.getAsLong());
        }
        return remembered.change();
    }

    /** A change and the preference it concerns (for an ignored signal, the one that holds the slot). */
    private record Remembered(MemoryChange change, OptionalLong concerned) {

        static Remembered of(MemoryChange change) {
            return new Remembered(change, change.memoryId());
        }
    }

    private Remembered remember(String userId, PreferenceSignal signal) {
        float[] vector = embedder.embedFor(userId, signal.statement());
        MemoryDraft draft = new MemoryDraft(signal.statement(), vector, signal.slot(), signal.kind(), signal.confidence());
        List<MemoryHit> rivals = store.search(userId, vector, 1, MemoryFilter.slot(signal.slot()).withKinds(MemoryKind.PREFERENCES));
        Optional<MemoryHit> rival = rivals.stream().findFirst()
                .filter(hit -> !signal.slot().isEmpty() || hit.similarity() >= openSlotSupersedeThreshold);
        if (rival.isEmpty()) {
            Memory added = store.add(userId, draft);
            return Remembered.of(change(MemoryChange.Type.ADDED, added, Optional.empty(), signal.slot().isEmpty() ? "new preference" : "slot was empty"));
        }
        Memory current = rival.get().memory();
        if (rival.get().similarity() >= maintainer.policy().duplicateThreshold()) {
            Memory used = store.recordUse(userId, List.of(current.id()), clock.instant()).stream().findFirst().orElse(current);
            return Remembered.of(change(MemoryChange.Type.REINFORCED, used, Optional.empty(),
                    String.format(Locale.US, "restates memory %d (cosine %.3f)", current.id(), rival.get().similarity())));
        }
        if (current.kind() == MemoryKind.EXPLICIT && signal.kind() == MemoryKind.IMPLICIT) {
            return new Remembered(new MemoryChange(MemoryChange.Type.IGNORED, OptionalLong.empty(), signal.slot(), signal.statement(),
                    Optional.empty(), "an explicit preference holds this slot (memory " + current.id() + ")"), OptionalLong.of(current.id()));
        }
        Memory updated = store.update(userId, current.id(), draft);
        embedder.forgetText(userId, current.text());
        return Remembered.of(change(MemoryChange.Type.SUPERSEDED, updated, Optional.of(current.text()),
                signal.slot().isEmpty() ? String.format(Locale.US, "replaces a similar open preference (cosine %.3f)", rival.get().similarity())
                        : "replaces the preference held in slot " + signal.slot()));
    }

    private List<MemoryChange> forget(String userId, PreferenceSignal signal) {
        List<Memory> targets = new ArrayList<>();
        String reason;
        if (signal.statement().isEmpty()) {
            store.list(userId).stream().filter(m -> m.kind().isPreference())
                    .max(Comparator.comparing(Memory::updatedAt).thenComparingLong(Memory::id)).ifPresent(targets::add);
            reason = "\"forget that\": the latest memory";
        } else {
            if (!signal.slot().isEmpty()) {
                store.list(userId).stream().filter(m -> m.kind().isPreference() && m.slot().equals(signal.slot())).forEach(targets::add);
            }
            reason = "asked to forget slot " + signal.slot();
            if (targets.isEmpty()) {
                float[] vector = embedder.embedFor(userId, signal.statement());
                List<MemoryHit> nearest = store.search(userId, vector, 1, MemoryFilter.PREFERENCES);
                if (!nearest.isEmpty() && nearest.get(0).similarity() >= forgetThreshold) {
                    targets.add(nearest.get(0).memory());
                    reason = String.format(Locale.US, "most similar to \"%s\" (cosine %.3f)", signal.statement(), nearest.get(0).similarity());
                }
            }
            // the request itself names the preference: it must not outlive it in the cache
            embedder.forgetText(userId, signal.statement());
        }
        List<Forgotten> gone = new ArrayList<>();
        for (Memory target : targets) {
            for (Forgotten forgotten : deleteWithEpisodes(userId, target)) {
                gone.add(forgotten.memory().id() == target.id() ? new Forgotten(target, reason) : forgotten);
            }
        }
        // the slot's episodes go even when no preference was read there: they are what the request is about
        gone.addAll(deleteSlotEpisodes(userId, signal.slot(), "an episode about slot " + signal.slot() + ", which was asked to be forgotten"));
        if (gone.isEmpty()) {
            return List.of(new MemoryChange(MemoryChange.Type.IGNORED, OptionalLong.empty(), signal.slot(), signal.statement(), Optional.empty(),
                    "nothing to forget matches"));
        }
        List<MemoryChange> changes = new ArrayList<>();
        for (Forgotten forgotten : gone) {
            forgetEmbedding(userId, forgotten.memory());
            changes.add(change(MemoryChange.Type.FORGOTTEN, forgotten.memory(), Optional.empty(), forgotten.reason()));
        }
        return changes;
    }

    private static MemoryChange change(MemoryChange.Type type, Memory memory, Optional<String> previous, String reason) {
        return new MemoryChange(type, OptionalLong.of(memory.id()), memory.slot(), memory.text(), previous, reason);
    }

    /** Assembles a {@link PersonalMemory}; every part has an offline default. */
    public static final class Builder {

        private Embedder embedder;
        private MemoryStore store;
        private SlotCatalogue slots = SlotCatalogue.open();
        private double slotMinSimilarity = SlotClassifier.DEFAULT_MIN_SIMILARITY;
        private SlotClassifier slotClassifier;
        private PreferenceExtractor extractor;
        private ScoreWeights weights = ScoreWeights.DEFAULTS;
        private LifecyclePolicy lifecycle = LifecyclePolicy.DEFAULTS;
        private ContextBuilder contextBuilder;
        private Clock clock = Clock.systemUTC();
        private double openSlotSupersedeThreshold = 0.75;
        private double forgetThreshold = 0.5;
        private int candidatePool = 20;
        private int contextMemories = 10;
        private boolean reinforceOnUse = true;
        private boolean episodes = true;
        private int contextEpisodes = 10;
        private boolean turnContext = true;

        private Builder() {
        }

        /**
         * Whether each episode is stored with the one before it as its context: its words indexed with
         * the episode's for lexical search, and the two scored as conversation neighbours. Default true.
         */
        public Builder turnContext(boolean value) {
            this.turnContext = value;
            return this;
        }

        /** Whether turns are kept as episodes (retrieved beside preferences). Default true. */
        public Builder episodes(boolean value) {
            this.episodes = value;
            return this;
        }

        /** Most episodes a context section considers, after the preferences (0: preferences only). Default 10. */
        public Builder contextEpisodes(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("contextEpisodes must be >= 0, was " + value);
            }
            this.contextEpisodes = value;
            return this;
        }

        /** Default: all-MiniLM-L6-v2 behind a {@link CachingEmbedder}. Pass a shared caching embedder to share its cache. */
        public Builder embedder(Embedder value) {
            this.embedder = Objects.requireNonNull(value, "embedder");
            return this;
        }

        /** Default: an {@link InMemoryMemoryStore} on this builder's clock. Its dimension must match the embedder's. */
        public Builder store(MemoryStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /** Slots for the default extractor. Default: open slots. */
        public Builder slots(SlotCatalogue value) {
            this.slots = Objects.requireNonNull(value, "slots");
            return this;
        }

        /** Least cosine for a statement to fit a slot. Default {@link SlotClassifier#DEFAULT_MIN_SIMILARITY}. */
        public Builder slotMinSimilarity(double value) {
            this.slotMinSimilarity = value;
            return this;
        }

        /**
         * Files statements (for the default extractor) and episodes under the slots. Default: one over
         * {@link #slots} at {@link #slotMinSimilarity}; pass the extractor's own to share it.
         */
        public Builder slotClassifier(SlotClassifier value) {
            this.slotClassifier = Objects.requireNonNull(value, "slotClassifier");
            return this;
        }

        /** Default: a {@link OfflinePreferenceExtractor} over the slot classifier. */
        public Builder extractor(PreferenceExtractor value) {
            this.extractor = Objects.requireNonNull(value, "extractor");
            return this;
        }

        /** Default: {@link ScoreWeights#DEFAULTS}. */
        public Builder scoreWeights(ScoreWeights value) {
            this.weights = Objects.requireNonNull(value, "weights");
            return this;
        }

        /** Default: {@link LifecyclePolicy#DEFAULTS}. */
        public Builder lifecycle(LifecyclePolicy value) {
            this.lifecycle = Objects.requireNonNull(value, "lifecycle");
            return this;
        }

        /** Default: {@code new ContextBuilder()} (cl100k_base). */
        public Builder contextBuilder(ContextBuilder value) {
            this.contextBuilder = Objects.requireNonNull(value, "contextBuilder");
            return this;
        }

        /** Default: the system UTC clock. A {@link ManualClock} makes runs repeatable. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Least cosine for a new open-slot preference to replace an old one. Default 0.75. */
        public Builder openSlotSupersedeThreshold(double value) {
            this.openSlotSupersedeThreshold = unitInterval("openSlotSupersedeThreshold", value);
            return this;
        }

        /** Least cosine for a forget request to hit a memory outside a slot. Default 0.5. */
        public Builder forgetThreshold(double value) {
            this.forgetThreshold = unitInterval("forgetThreshold", value);
            return this;
        }

        /** Hits taken by each search (dense, lexical) before the composite score re-ranks them. Default 20. */
        public Builder candidatePool(int value) {
            this.candidatePool = StoreInputs.k(value);
            return this;
        }

        /** Most preferences a context section considers. Default 10. */
        public Builder contextMemories(int value) {
            this.contextMemories = StoreInputs.k(value);
            return this;
        }

        /** Whether memories shown in a context count as used (reinforcement). Default true. */
        public Builder reinforceOnUse(boolean value) {
            this.reinforceOnUse = value;
            return this;
        }

        public PersonalMemory build() {
            if (embedder == null) {
                embedder = new CachingEmbedder(LangChain4jEmbedder.allMiniLmL6V2());
            }
            MemoryStore builtStore = store != null ? store : new InMemoryMemoryStore(embedder.dimension(), clock);
            if (builtStore.dimension() != embedder.dimension()) {
                throw new IllegalArgumentException(String.format(Locale.US, "store holds %d-d vectors but embedder %s makes %d-d vectors",
                        builtStore.dimension(), embedder.modelId(), embedder.dimension()));
            }
            SlotClassifier classifier = slotClassifier != null ? slotClassifier : new SlotClassifier(embedder, slots, slotMinSimilarity);
            PreferenceExtractor builtExtractor = extractor != null ? extractor : new OfflinePreferenceExtractor(classifier);
            if (contextBuilder == null) {
                contextBuilder = new ContextBuilder();
            }
            return new PersonalMemory(this, builtStore, builtExtractor, classifier);
        }

        private static double unitInterval(String name, double value) {
            if (!(value >= 0.0 && value <= 1.0)) {
                throw new IllegalArgumentException(String.format(Locale.US, "%s must be in [0, 1], was %s", name, value));
            }
            return value;
        }
    }
}
