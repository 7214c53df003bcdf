package org.adaptbench.personalization.lifecycle;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How memories are merged, expired and evicted.
 *
 * @param duplicateThreshold cosine at or above which two memories of the same slot are the same
 *     memory: a new one reinforces the old instead of being added, and consolidation merges them
 * @param maxMemoriesPerUser cap on a user's preferences; beyond it the least active ones are evicted
 * @param maxEpisodesPerUser cap on a user's episodes; beyond it the least active (for episodes never
 *     shown to a model: the oldest) are evicted
 * @param maxIdle when present, a memory unused for longer expires
 * @param minActivation when present, a memory whose ACT-R base-level activation fell below it expires
 */
public record LifecyclePolicy(double duplicateThreshold, int maxMemoriesPerUser, int maxEpisodesPerUser, Optional<Duration> maxIdle,
                              Optional<Double> minActivation) {

    /**
     * Duplicates at cosine 0.92, 1,000 preferences and 100,000 episodes (years of daily chat) per
     * user, no expiry: stated preferences last until changed or deleted, which is what a user expects
     * of "remember this".
     */
    public static final LifecyclePolicy DEFAULTS = new LifecyclePolicy(0.92, 1_000, 100_000, Optional.empty(), Optional.empty());

    public LifecyclePolicy {
        if (!(duplicateThreshold > 0.0 && duplicateThreshold <= 1.0)) {
            throw new IllegalArgumentException(String.format(Locale.US, "duplicateThreshold must be in (0, 1], was %s", duplicateThreshold));
        }
        if (maxMemoriesPerUser <= 0) {
            throw new IllegalArgumentException("maxMemoriesPerUser must be positive, was " + maxMemoriesPerUser);
        }
        if (maxEpisodesPerUser <= 0) {
            throw new IllegalArgumentException("maxEpisodesPerUser must be positive, was " + maxEpisodesPerUser);
        }
        Objects.requireNonNull(maxIdle, "maxIdle");
        Objects.requireNonNull(minActivation, "minActivation");
        maxIdle.ifPresent(idle -> {
            if (idle.isNegative() || idle.isZero()) {
                throw new IllegalArgumentException("maxIdle must be positive, was " + idle);
            }
        });
        minActivation.ifPresent(min -> {
            if (!Double.isFinite(min)) {
                throw new IllegalArgumentException("minActivation must be finite, was " + min);
            }
        });
    }

    public LifecyclePolicy withDuplicateThreshold(double value) {
        return new LifecyclePolicy(value, maxMemoriesPerUser, maxEpisodesPerUser, maxIdle, minActivation);
    }

    public LifecyclePolicy withMaxMemoriesPerUser(int value) {
        return new LifecyclePolicy(duplicateThreshold, value, maxEpisodesPerUser, maxIdle, minActivation);
    }

    public LifecyclePolicy withMaxEpisodesPerUser(int value) {
        return new LifecyclePolicy(duplicateThreshold, maxMemoriesPerUser, value, maxIdle, minActivation);
    }

    public LifecyclePolicy withMaxIdle(Duration value) {
        return new LifecyclePolicy(duplicateThreshold, maxMemoriesPerUser, maxEpisodesPerUser, Optional.of(value), minActivation);
    }

    public LifecyclePolicy withMinActivation(double value) {
        return new LifecyclePolicy(duplicateThreshold, maxMemoriesPerUser, maxEpisodesPerUser, maxIdle, Optional.of(value));
    }
}
