package org.adaptbench.reports.results;

/** The units a metric value carries in results.json. */
public final class Units {

    public static final String FRACTION = "fraction";
    public static final String PROBABILITY = "probability";
    public static final String MS = "ms";
    public static final String SECONDS = "seconds";
    public static final String TOKENS = "tokens";
    public static final String BYTES = "bytes";
    public static final String FLOPS = "flops";
    public static final String USD = "usd";
    public static final String REQUESTS_PER_USER_MONTH = "requests/user/month";
    public static final String EVENTS = "events";

    private Units() {
    }
}
