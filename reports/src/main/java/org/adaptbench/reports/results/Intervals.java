package org.adaptbench.reports.results;

/** How a metric's 95% interval was computed, as results.json records it beside the interval. */
public final class Intervals {

    /** Percentile bootstrap over the independent units (users, requests, deletions). */
    public static final String BOOTSTRAP = "bootstrap";
    /**
     * Two-way (pigeonhole) bootstrap over users and items at once: users and items are resampled
     * independently, so the interval covers both who was asked and what they were asked.
     */
    public static final String BOOTSTRAP_USERS_ITEMS = "bootstrap_users_items";
    /** Exact binomial (Clopper–Pearson) interval, used where a proportion's bootstrap collapses to a point. */
    public static final String CLOPPER_PEARSON = "clopper_pearson";
    /** Measured once or counted: no sampling spread (a byte count, a configured constant). */
    public static final String EXACT = "exact";
    /** Projected from assumptions, not measured: the interval is the range the assumptions' low and high ends give. */
    public static final String PROJECTED = "projected";
    /** Written before results recorded the method. */
    public static final String UNSTATED = "";

    private Intervals() {
    }
}
