package org.adaptbench.reports.claims;


/**
 * Every threshold a claim's verdict rests on, in one place. The rule text shown beside each verdict
 * is written from these constants, so the report can never state one threshold and apply another.
 */
public final class ClaimThresholds {

    /** Granularity: memory's worst-group accuracy must beat a shared adapter's by this much (absolute). */
    public static final double GRANULARITY_MARGIN = 0.05;

    /** Adaptation: "seconds" — memory's time to adapt must stay below this. */
    public static final double ADAPT_MEMORY_MAX_MS = 10_000;
    /** Adaptation: fine-tuning's fastest cadence must be at least this many times slower than memory. */
    public static final double ADAPT_MIN_SLOWDOWN = 10;

    /** Cost: "kilobytes" — memory's storage per user must stay below this. */
    public static final double COST_MEMORY_MAX_BYTES = 100_000;
    /** Cost: "a few hundred tokens" — memory's added tokens per request must stay below this. */
    public static final double COST_MEMORY_MAX_TOKENS = 1_000;

    /** Reversibility: agreement with the never-learned reference that counts as reverted. */
    public static final double REVERT_MIN_AGREEMENT = 0.95;
    /** Reversibility: share of the user's other preferences that must survive the deletion. */
    public static final double REVERT_MIN_RETENTION = 0.90;
    /** Reversibility: "at once" — time from deletion to reverted behaviour. */
    public static final double REVERT_MAX_MS = 1_000;

    /** Combined: the accuracy margin by which combined must beat each part (0: intervals apart is enough). */
    public static final double COMBINED_MARGIN = 0.0;

    private ClaimThresholds() {
    }
}
