package org.adaptbench.personalization.embed;

import java.util.Locale;

/**
 * Counters of a {@link CachingEmbedder}.
 *
 * @param hits lookups answered from the cache
 * @param misses lookups that ran the model
 * @param size texts currently cached
 * @param evicted texts dropped by {@link CachingEmbedder#forgetOwner}
 */
public record CacheStats(long hits, long misses, int size, long evicted) {

    /** Fraction of lookups answered from the cache; 0 before any lookup. */
    public double hitRate() {
        long lookups = hits + misses;
        return lookups == 0 ? 0.0 : (double) hits / lookups;
    }

    /** One line for a run log, e.g. "1,204 texts embedded, 3,311 lookups answered from the cache (73.3 %), 12 dropped by forgetting". */
    public String describe() {
        return String.format(Locale.US, "%,d texts embedded, %,d lookups answered from the cache (%.1f %%), %,d dropped by forgetting",
                misses, hits, 100 * hitRate(), evicted);
    }
}
