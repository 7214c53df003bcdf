package org.adaptbench.reports.claims;

/**
 * Every threshold a claim's verdict rests on, in one place, each read off the words of the claim it
 * tests. The rule text shown beside each verdict is written from these constants, so the report can
 * never state one threshold and apply another.
 */
public final class ClaimThresholds {

    /**
     * Granularity: memory's accuracy on minority answers must beat the strongest fine-tuning approach's
     * by this much (absolute): one more right answer in twenty, a difference a user would notice.
     */
    public static final double GRANULARITY_MARGIN = 0.05;

    /** Adaptation: "seconds" — memory's time to adapt must stay below this. */
    public static final double ADAPT_MEMORY_MAX_MS = 10_000;
    /** Adaptation: fine-tuning's fastest cadence must be at least this many times slower than memory. */
    public static final double ADAPT_MIN_SLOWDOWN = 10;

    /** Cost: "a few KB per user" — memory's storage per user must stay below this. */
    public static final double COST_MEMORY_MAX_BYTES = 10_000;
    /** Cost: "a few hundred tokens" — memory's added tokens per request must stay below this. */
    public static final double COST_MEMORY_MAX_TOKENS = 500;

    /** Reversibility: agreement with the never-learned reference that counts as reverted. */
    public static final double REVERT_MIN_AGREEMENT = 0.95;
    /** Reversibility: share of the user's other preferences that must survive the deletion. */
    public static final double REVERT_MIN_RETENTION = 0.90;
    /** Reversibility: "at once" — time from deletion to reverted behaviour, here and at projected model sizes. */
    public static final double REVERT_MAX_MS = 1_000;
    /**
     * Reversibility: the Kolmogorov–Smirnov p-value below which the reverted answers are told apart
     * from the never-stated reference's (TOFU's forget quality), so the forgetting is not clean.
     */
    public static final double FORGET_MIN_KS_P = 0.05;

    /** Combined: the accuracy margin by which combined must beat each part (0: ahead with the paired interval above zero). */
    public static final double COMBINED_MARGIN = 0.0;

    /**
     * When to use each: the share of the map's qualifying cells whose pick must be on the claim's side
     * for SUPPORTED (two in three); at most {@link #REGIME_MAX_SHARE_AGAINST} of them on it is CONTRADICTED.
     */
    public static final double REGIME_MIN_SHARE = 2.0 / 3.0;
    /** When to use each: at most this share of qualifying cells picking the claim's side contradicts it. */
    public static final double REGIME_MAX_SHARE_AGAINST = 1.0 / 3.0;

    private ClaimThresholds() {
    }
}
