package org.adaptbench.personalization.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One stored memory of one user (its vector is kept by the store, see {@link MemoryStore#vector}).
 *
 * @param id unique within the store, assigned by it, never reused
 * @param userId the owner
 * @param text the memory as shown to the model
 * @param slot preference slot, or "" for none
 * @param kind where it came from
 * @param confidence in [0, 1]
 * @param createdAt when the memory was first written
 * @param updatedAt when its current text was written (equals {@code createdAt} until an update)
 * @param useCount how often the current text was written, restated or used, the write included
 * @param recentUses the last uses, oldest first, at most {@link #RECENT_USES_KEPT}; the first is
 *     {@code updatedAt} while {@code useCount <= RECENT_USES_KEPT}
 * @param context the memory whose words are indexed with this one's for lexical search (see
 *     {@link MemoryDraft#context}), while it is stored
 */
public record Memory(long id, String userId, String text, String slot, MemoryKind kind, double confidence,
                     Instant createdAt, Instant updatedAt, int useCount, List<Instant> recentUses, OptionalLong context) {

    /** How many use times are kept exactly; older uses are summarised by count (see the score package). */
    public static final int RECENT_USES_KEPT = 16;

    public Memory {
        StoreInputs.userId(userId);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        recentUses = List.copyOf(recentUses);
        Objects.requireNonNull(context, "context");
        if (recentUses.isEmpty() || recentUses.size() > RECENT_USES_KEPT || useCount < recentUses.size()) {
            throw new IllegalArgumentException("memory " + id + ": useCount " + useCount
                    + " and " + recentUses.size() + " recent uses are inconsistent");
        }
    }

    /** A memory indexed with no other's words. */
    public Memory(long id, String userId, String text, String slot, MemoryKind kind, double confidence,
                  Instant createdAt, Instant updatedAt, int useCount, List<Instant> recentUses) {
        this(id, userId, text, slot, kind, confidence, createdAt, updatedAt, useCount, recentUses, OptionalLong.empty());
    }

    /** True when the memory fills a named slot. */
    public boolean hasSlot() {
        return !slot.isEmpty();
    }

    /** The most recent use. */
    public Instant lastUse() {
        return recentUses.get(recentUses.size() - 1);
    }

    /** A copy with one more use at {@code at}, dropping the oldest kept use beyond the limit. */
    public Memory withUse(Instant at) {
        List<Instant> uses = new ArrayList<>(recentUses);
        uses.add(at);
        if (uses.size() > RECENT_USES_KEPT) {
            uses.remove(0);
        }
        return new Memory(id, userId, text, slot, kind, confidence, createdAt, updatedAt, useCount + 1, uses, context);
    }

    /** A copy holding {@code draft}'s content written at {@code at}; its use history starts afresh. */
    public Memory replacedBy(MemoryDraft draft, Instant at) {
        return new Memory(id, userId, draft.text(), draft.slot(), draft.kind(), draft.confidence(),
                createdAt, at, 1, List.of(at), draft.context());
    }

    /** A new memory from {@code draft}, written at {@code at}. */
    public static Memory created(long id, String userId, MemoryDraft draft, Instant at) {
        return new Memory(id, userId, draft.text(), draft.slot(), draft.kind(), draft.confidence(), at, at, 1, List.of(at), draft.context());
    }

    /** A copy indexed with no other memory's words (its context was deleted). */
    public Memory withoutContext() {
        return new Memory(id, userId, text, slot, kind, confidence, createdAt, updatedAt, useCount, recentUses, OptionalLong.empty());
    }
}
