package org.adaptbench.personalization.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a user's audit trail.
 *
 * <p>Once the memory is deleted, its events become tombstones: {@code redacted} is true and both
 * texts are empty, so the trail still shows that something was added, changed and deleted, and
 * when, but not what.
 *
 * @param sequence position in the store's trail, increasing
 * @param userId the owner
 * @param memoryId the memory it concerns
 * @param type what happened
 * @param at when
 * @param previousText the text before the event (updates and deletes), unless redacted
 * @param newText the text after the event (adds and updates), unless redacted
 * @param redacted true when the texts were erased by a hard delete
 */
public record HistoryEvent(long sequence, String userId, long memoryId, HistoryEventType type, Instant at,
                           Optional<String> previousText, Optional<String> newText, boolean redacted) {

    public HistoryEvent {
        StoreInputs.userId(userId);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(previousText, "previousText");
        Objects.requireNonNull(newText, "newText");
        if (redacted && (previousText.isPresent() || newText.isPresent())) {
            throw new IllegalArgumentException("a redacted history event carries no text");
        }
    }

    /** This event with its texts erased. */
    public HistoryEvent redact() {
        return new HistoryEvent(sequence, userId, memoryId, type, at, Optional.empty(), Optional.empty(), true);
    }
}
