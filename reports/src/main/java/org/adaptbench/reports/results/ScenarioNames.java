package org.adaptbench.reports.results;

/** The scenario names of the results schema, one per claim of the comparison; the harness's scenario registry uses these. */
public final class ScenarioNames {

    public static final String GRANULARITY = "granularity";
    public static final String ADAPTATION = "adaptation";
    public static final String COST = "cost";
    public static final String REVERSIBILITY = "reversibility";
    public static final String CONTEXT_LENGTH = "context-length";
    public static final String COMBINED = "combined";
    public static final String RETRIEVAL = "retrieval";
    public static final String LATENCY = "latency";
    public static final String DATA_SIZE = "data-size";
    /** The "when to use each" map: one row per cell of agreement x data per user x change rate. */
    public static final String REGIMES = "regimes";

    private ScenarioNames() {
    }
}
