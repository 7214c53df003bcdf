package org.adaptbench.personalization.embed;

import java.util.List;

/**
 * Turns texts into unit-length vectors of a fixed dimension. Implementations are thread-safe.
 */
public interface Embedder {

    /** Embeds one text. */
    float[] embed(String text);

    /** Embeds several texts, in order; implementations batch the model calls. */
    List<float[]> embedAll(List<String> texts);

    /** Length of every vector this embedder returns. */
    int dimension();

    /** Stable identifier of the model and its settings; vectors from different ids are not comparable. */
    String modelId();

    /**
     * Embeds a text on behalf of {@code ownerId} (a user), so that whatever this embedder retains
     * about the text can later be dropped with {@link #forgetOwner}. Stateless embedders ignore the owner.
     */
    default float[] embedFor(String ownerId, String text) {
        return embed(text);
    }

    /** Batch form of {@link #embedFor}. */
    default List<float[]> embedAllFor(String ownerId, List<String> texts) {
        return embedAll(texts);
    }

    /**
     * Drops everything retained on behalf of {@code ownerId} that nobody else holds; returns how
     * many retained texts were dropped. Called when a user's data is hard-deleted.
     */
    default int forgetOwner(String ownerId) {
        return 0;
    }

    /**
     * Withdraws {@code ownerId}'s claim to one text and drops what is retained about it unless
     * someone else holds it; returns true if something was dropped. Called when one memory is deleted.
     */
    default boolean forgetText(String ownerId, String text) {
        return false;
    }
}
