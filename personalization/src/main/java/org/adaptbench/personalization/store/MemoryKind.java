package org.adaptbench.personalization.store;

/** Where a memory came from, which decides how much it is trusted and what may replace it. */
public enum MemoryKind {
    /** The user said it ("I prefer aisle seats"). */
    EXPLICIT,
    /** Inferred from behaviour, such as a pick among offered options. */
    IMPLICIT,
    /** Written by the application itself, not extracted from the user's words. */
    NOTE
}
