package org.adaptbench.harness.approach.memory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.harness.approach.Approach;
import org.adaptbench.harness.approach.ContextPreview;
import org.adaptbench.harness.approach.DeletionRequest;
import org.adaptbench.harness.approach.Effort;
import org.adaptbench.harness.approach.EvidenceRecall;
import org.adaptbench.harness.approach.ReplayClock;
import org.adaptbench.harness.approach.Response;
import org.adaptbench.harness.extraction.MemoryTurns;
import org.adaptbench.harness.model.AnswerModel;
import org.adaptbench.harness.model.Decision;
import org.adaptbench.harness.model.Prompt;
import org.adaptbench.personalization.ContextResult;
import org.adaptbench.personalization.ManualClock;
import org.adaptbench.personalization.MemoryChange;
import org.adaptbench.personalization.ObserveResult;
import org.adaptbench.personalization.PersonalMemory;
import org.adaptbench.personalization.extract.ConversationTurn;
import org.adaptbench.personalization.score.ScoredMemory;

/**
 * Memory-based personalization: the model is unchanged; each turn goes through the memory layer
 * (extract → store), and each request gets the user's relevant memories injected under a token budget.
 */
public final class MemoryApproach implements Approach, ReplayClock, EvidenceRecall, ContextPreview {

    /** Hears what each request was given: the injected memories, one text each. */
    @FunctionalInterface
    public interface ContextListener {

        /** Listens to nothing. */
        ContextListener NONE = (userId, query, memories) -> { };

        /** {@code memories} were injected into the request for {@code query}. */
        void injected(String userId, Query query, List<String> memories);
    }

    private final String name;
    private final PersonalMemory memory;
    private final ManualClock clock;
    /** Resolved at the first answer: a retrieval-only run never needs (or pre-trains) the base model. */
    private final java.util.function.Supplier<AnswerModel> model;
    private AnswerModel resolved;
    private final int tokenBudget;
    private final ContextListener listener;
    private final Optional<Path> storeFile;
    /** Which history turns each memory came from, so retrieval can be scored against gold evidence. */
    private final Map<Long, Set<String>> sources = new HashMap<>();

    /**
     * @param memory the memory layer, built over {@code clock}, which this approach sets to each turn's time
     * @param storeFile the durable store's file, deleted on close; empty when the store is in memory or is kept
     */
    MemoryApproach(String name, PersonalMemory memory, ManualClock clock, java.util.function.Supplier<AnswerModel> model, int tokenBudget,
            ContextListener listener, Optional<Path> storeFile) {
        this.name = name;
        this.memory = memory;
        this.clock = clock;
        this.model = model;
        this.tokenBudget = tokenBudget;
        this.listener = listener;
        this.storeFile = storeFile;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Effort learn(String userId, Turn turn) {
        clock.set(Instant.ofEpochMilli(turn.timestamp()));
        ObserveResult result = memory.observe(userId, MemoryTurns.of(turn));
        for (MemoryChange change : result.changes()) {
            change.memoryId().ifPresent(id -> sources.computeIfAbsent(id, k -> new TreeSet<>()).add(turn.turnId()));
        }
        return result.changedMemory() ? Effort.effective(result.totalNanos(), turn.timestamp()) : Effort.compute(result.totalNanos());
    }

    /** Recency and activation depend on the time a question is asked, so two histories compared must be asked at one moment. */
    @Override
    public void advanceClock(long epochMillis) {
        Instant at = Instant.ofEpochMilli(epochMillis);
        if (at.isAfter(clock.instant())) {
            clock.set(at);
        }
    }

    /** A deletion request is said to the memory layer like any turn; its extractor recognises "forget ...". */
    @Override
    public Effort forget(String userId, DeletionRequest request) {
        clock.set(Instant.ofEpochMilli(request.timestamp()));
        ObserveResult result = memory.observe(userId, ConversationTurn.user(request.text(), clock.instant()));
        return result.changedMemory() ? Effort.effective(result.totalNanos(), request.timestamp()) : Effort.compute(result.totalNanos());
    }

    @Override
    public Response answer(String userId, Query query) {
        if (resolved == null) {
            resolved = model.get(); // outside the timed region: loading the model is no part of answering
        }
        long start = System.nanoTime();
        ContextResult context = memory.buildContext(userId, recallQuery(query), tokenBudget);
        List<String> items = context.memories().stream().map(hit -> hit.memory().text()).toList();
        listener.injected(userId, query, items);
        Decision decision = resolved.decide(new Prompt(query.question(), query.options(), items, context.text()));
        return new Response(decision, context.tokensAdded(), System.nanoTime() - start);
    }

    /**
     * What memories are recalled for: the question together with its options. The question alone
     * rarely says which preference matters ("What should I cook tonight?"); the candidate answers do,
     * and every approach sees them anyway. A query without options is recalled for its question.
     */
    public static String recallQuery(Query query) {
        return query.isMultipleChoice() ? query.question() + "\n" + String.join("\n", query.options()) : query.question();
    }

    /** Every memory spends one turn: an episode is one turn, a preference one statement (its restatements credited with it). */
    @Override
    public List<Recalled> recall(String userId, Query query, int depth) {
        List<Recalled> recalled = new ArrayList<>();
        for (ScoredMemory hit : memory.recall(userId, recallQuery(query), depth).memories()) {
            recalled.add(new Recalled(List.copyOf(sources.getOrDefault(hit.memory().id(), Set.of())), 1, hit.memory().text()));
        }
        return recalled;
    }

    @Override
    public List<Shown> preview(String userId, Query query, List<Integer> tokenBudgets) {
        List<Shown> previews = new ArrayList<>(tokenBudgets.size());
        for (ContextResult context : memory.previewContexts(userId, recallQuery(query), tokenBudgets)) {
            List<String> turns = new ArrayList<>();
            for (ScoredMemory shown : context.memories()) {
                for (String turnId : sources.getOrDefault(shown.memory().id(), Set.of())) {
                    if (!turns.contains(turnId)) {
                        turns.add(turnId);
                    }
                }
            }
            previews.add(new Shown(context.text(), context.tokensAdded(), turns));
        }
        return previews;
    }

    @Override
    public long bytesStored(String userId) {
        return memory.bytesStored(userId);
    }

    @Override
    public void close() {
        memory.close();
        storeFile.ifPresent(MemoryApproach::deleteStore);
    }

    private static void deleteStore(Path file) {
        try {
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not delete the memory store " + file, e);
        }
    }
}
