package org.adaptbench.personalization;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One change {@link PersonalMemory#observe} made, or chose not to make.
 *
 * @param type what happened
 * @param memoryId the memory concerned, empty when none was (an ignored signal)
 * @param slot its slot, "" for none
 * @param text the memory's text after the change (for a forget: the text deleted)
 * @param previousText the text it replaced, for {@link Type#SUPERSEDED}
 * @param reason why, in a few words
 */
public record MemoryChange(Type type, OptionalLong memoryId, String slot, String text, Optional<String> previousText, String reason) {

    /** Kinds of change. */
    public enum Type {
        /** A new preference was written. */
        ADDED,
        /** The turn was kept as an episode. */
        RECORDED,
        /** A memory of the same slot was replaced; the old text is in the history. */
        SUPERSEDED,
        /** A restatement of an existing memory counted as a use of it. */
        REINFORCED,
        /** A memory was hard-deleted at the user's request. */
        FORGOTTEN,
        /** A memory was deleted to respect the per-user cap. */
        EVICTED,
        /** A signal was not acted on (see the reason). */
        IGNORED
    }

    public MemoryChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(memoryId, "memoryId");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(previousText, "previousText");
        Objects.requireNonNull(reason, "reason");
    }
}
