package org.adaptbench.personalization.store;

import java.util.EnumSet;
import java.util.Set;

/** Where a memory came from, which decides how much it is trusted and what may replace it. */
public enum MemoryKind {
    /** The user said it ("I prefer aisle seats"). */
    EXPLICIT,
    /** Inferred from behaviour, such as a pick among offered options. */
    IMPLICIT,
    /** Written by the application itself, not extracted from the user's words. */
    NOTE,
    /**
     * One turn of the conversation as it was said, with its speaker and date: the interaction
     * history. Episodes are never superseded or consolidated; they go when they expire, are evicted
     * or are forgotten with the preference they stated.
     */
    EPISODE;

    /** The kinds that hold what the user prefers (everything but {@link #EPISODE}). */
    public static final Set<MemoryKind> PREFERENCES = Set.copyOf(EnumSet.of(EXPLICIT, IMPLICIT, NOTE));

    /** True for the kinds that hold a preference, false for an episode. */
    public boolean isPreference() {
        return this != EPISODE;
    }
}
