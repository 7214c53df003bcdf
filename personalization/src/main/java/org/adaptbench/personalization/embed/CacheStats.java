package org.adaptbench.personalization.embed;

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
}
