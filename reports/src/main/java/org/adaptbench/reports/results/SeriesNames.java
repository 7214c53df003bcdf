package org.adaptbench.reports.results;

/** Names of the results' series (line charts) and distributions, which the report draws by name. */
public final class SeriesNames {

    /** Accuracy on the changed dimension by turns since a change of preference (adaptation). */
    public static final String ACCURACY_AFTER_CHANGE = "accuracy_after_change";
    /** Accuracy as filler turns lengthen the conversation (context-length). */
    public static final String ACCURACY_VS_TURNS = "accuracy_vs_turns";
    /** Tokens added per request as filler turns lengthen the conversation (context-length). */
    public static final String TOKENS_VS_TURNS = "tokens_vs_turns";
    /** Accuracy as a user's history grows (data-size). */
    public static final String ACCURACY_VS_EVENTS = "accuracy_vs_events";
    /** Projected cost per user-month against requests per user-month, one per model size (cost). */
    public static final String COST_VS_REQUESTS = "cost_vs_requests_";

    /** Distribution: each user's accuracy (granularity). */
    public static final String PER_USER_ACCURACY = "per_user_accuracy";
    /** Distribution: each user's accuracy on minority answers (granularity). */
    public static final String PER_USER_ACCURACY_MINORITY = "per_user_accuracy_minority";

    private SeriesNames() {
    }

    /** One-at-a-time sensitivity of the adapter's cost above memory to each assumption, one per model size (cost). */
    public static final String COST_SENSITIVITY = "cost_sensitivity_";

    /** The sensitivity tornado of one model size. */
    public static String costSensitivity(String model) {
        return COST_SENSITIVITY + MetricNames.slug(model);
    }

    /** The cost curve of one model size. */
    public static String costVsRequests(String model) {
        return COST_VS_REQUESTS + MetricNames.slug(model);
    }
}
