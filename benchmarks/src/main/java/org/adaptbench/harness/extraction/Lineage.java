package org.adaptbench.harness.extraction;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.adaptbench.datasets.model.Role;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.harness.approach.DeletionRequest;
import org.adaptbench.personalization.embed.Embedder;
import org.adaptbench.personalization.embed.Vectors;
import org.adaptbench.personalization.extract.ConversationTurn;
import org.adaptbench.personalization.extract.PreferenceExtractor;
import org.adaptbench.personalization.extract.PreferenceSignal;

/**
 * Finds the training data a deletion request is about, so a fine-tuning pipeline can drop it: the
 * same preference extractor the memory layer uses names the slot the request forgets, and every
 * earlier turn that spoke about that slot is the deleted preference's data. Without a slot (an
 * open catalogue), the user turn most similar to the request is.
 */
public final class Lineage {

    private final PreferenceExtractor extractor;
    private final Embedder embedder;
    // concurrent: cells that run at once share the workload's lineage (a value is the same whoever computes it first)
    private final Map<String, Set<String>> slotsByText = new ConcurrentHashMap<>();
    private final Map<String, Boolean> forgetRequests = new ConcurrentHashMap<>();

    public Lineage(PreferenceExtractor extractor, Embedder embedder) {
        this.extractor = extractor;
        this.embedder = embedder;
    }

    /** Ids of the turns in {@code history} whose data the request deletes. */
    public Set<String> deletedTurns(String userId, List<Turn> history, DeletionRequest request) {
        Set<String> forgotten = new TreeSet<>();
        for (PreferenceSignal signal : extractor.extract(userId, ConversationTurn.user(request.text(),
                Instant.ofEpochMilli(request.timestamp()))).signals()) {
            if (signal.action() == PreferenceSignal.Action.FORGET && !signal.slot().isEmpty()) {
                forgotten.add(signal.slot());
            }
        }
        Set<String> deleted = new LinkedHashSet<>();
        if (!forgotten.isEmpty()) {
            for (Turn turn : history) {
                if (turn.role() == Role.USER && slots(userId, turn).stream().anyMatch(forgotten::contains)) {
                    deleted.add(turn.turnId());
                }
            }
        }
        if (deleted.isEmpty()) {
            mostSimilar(history, request.text()).ifPresent(deleted::add);
        }
        return deleted;
    }

    /**
     * Whether the extractor reads {@code turn} as a request to forget a preference: how every approach
     * that keeps a user's data recognises deletions, from what was said and never from a label.
     */
    public boolean asksToForget(String userId, Turn turn) {
        return turn.role() == Role.USER && forgetRequests.computeIfAbsent(turn.text(), text -> extractor.extract(userId,
                ConversationTurn.user(text, Instant.ofEpochMilli(turn.timestamp()))).signals().stream()
                .anyMatch(signal -> signal.action() == PreferenceSignal.Action.FORGET));
    }

    /** The slots the extractor reads a preference of in {@code turn} ("" slots of an open catalogue count as the turn's own). */
    public Set<String> slots(String userId, Turn turn) {
        return slotsByText.computeIfAbsent(turn.text() + "\u0000" + turn.choice().map(Object::toString).orElse(""), key -> {
            Set<String> slots = new TreeSet<>();
            for (PreferenceSignal signal : extractor.extract(userId, MemoryTurns.of(turn)).signals()) {
                if (signal.action() == PreferenceSignal.Action.REMEMBER) {
                    slots.add(signal.slot().isEmpty() ? "turn:" + turn.turnId() : signal.slot());
                }
            }
            return slots;
        });
    }

    private java.util.Optional<String> mostSimilar(List<Turn> history, String text) {
        float[] target = embedder.embed(text);
        String best = null;
        double bestSimilarity = -2;
        for (Turn turn : history) {
            if (turn.role() != Role.USER) {
                continue;
            }
            double similarity = Vectors.cosine(target, embedder.embed(turn.text()));
            if (similarity > bestSimilarity) {
                bestSimilarity = similarity;
                best = turn.turnId();
            }
        }
        return java.util.Optional.ofNullable(best);
    }
}
