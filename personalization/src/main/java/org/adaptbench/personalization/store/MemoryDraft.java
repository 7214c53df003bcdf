package org.adaptbench.personalization.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a caller hands the store to create or replace a memory; the store adds id, user and times.
 *
 * @param text the memory as it will be shown to the model
 * @param vector embedding of {@code text}; the store normalises a copy
 * @param slot preference slot this memory fills ("seat", "cuisine"), or "" for none
 * @param kind where it came from
 * @param confidence how sure the writer is, in [0, 1]
 * @param context a memory of the same user whose words the lexical index holds together with this
 *     one's (an episode's previous turn, so that a reply is found by the words of what it answers);
 *     never shown nor embedded with it. The store drops them from this memory's index entry when the
 *     context memory is deleted, so a deleted text's words survive nowhere.
 */
public record MemoryDraft(String text, float[] vector, String slot, MemoryKind kind, double confidence, OptionalLong context) {

    public MemoryDraft {
        StoreInputs.text(text, "memory text");
        Objects.requireNonNull(vector, "vector");
        vector = vector.clone();
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(context, "context");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException(String.format(Locale.US, "confidence must be in [0, 1], was %s", confidence));
        }
    }

    /** A draft indexed with no other memory's words. */
    public MemoryDraft(String text, float[] vector, String slot, MemoryKind kind, double confidence) {
        this(text, vector, slot, kind, confidence, OptionalLong.empty());
    }

    /** An explicit memory with no slot and full confidence. */
    public static MemoryDraft of(String text, float[] vector) {
        return new MemoryDraft(text, vector, "", MemoryKind.EXPLICIT, 1.0);
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemoryDraft d && text.equals(d.text) && Arrays.equals(vector, d.vector)
                && slot.equals(d.slot) && kind == d.kind && Double.compare(confidence, d.confidence) == 0
                && context.equals(d.context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, Arrays.hashCode(vector), slot, kind, confidence, context);
    }

    @Override
    public String toString() {
        return String.format(Locale.US, "MemoryDraft[text=%s, slot=%s, kind=%s, confidence=%.3f, dim=%d, context=%s]",
                text, slot, kind, confidence, vector.length, context);
    }
}
