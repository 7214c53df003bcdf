package org.adaptbench.personalization.extract;

/** Finds preferences and forget requests in conversation turns. Implementations are thread-safe. */
public interface PreferenceExtractor {

    /**
     * What {@code turn} says about the user's preferences; {@link Extraction#NOTHING} for small talk.
     *
     * @param userId the speaker: whatever the extractor embeds or caches is held on this user's behalf,
     *     so that a hard delete of the user can drop it
     */
    Extraction extract(String userId, ConversationTurn turn);
}
