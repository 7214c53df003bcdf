package org.adaptbench.reports.results;

import java.util.List;

/**
 * The wire names of what an approach can do, as results.json lists them per approach; the harness's
 * approach registry declares each approach's capabilities with these names, and the report and the
 * claims read them (for example to tell fine-tuning approaches from the others).
 */
public final class Capabilities {

    public static final String REFERENCE = "reference";
    public static final String READS_CONTEXT = "reads_context";
    public static final String CHANGES_WEIGHTS = "changes_weights";
    public static final String LEARNS_PER_USER = "learns_per_user";
    public static final String RETRAINS_PER_USER = "retrains_per_user";
    public static final String BATCH_TRAINED = "batch_trained";
    public static final String DOMAIN_ADAPTER = "domain_adapter";
    public static final String FORGETS_SELECTIVELY = "forgets_selectively";
    public static final String RETRIEVES = "retrieves";
    public static final String SERVES_MERGED = "serves_merged";
    public static final String REMOTE_LLM = "remote_llm";

    /** Every capability, in the order results list them. */
    public static final List<String> ALL = List.of(REFERENCE, READS_CONTEXT, CHANGES_WEIGHTS, LEARNS_PER_USER, RETRAINS_PER_USER,
            BATCH_TRAINED, DOMAIN_ADAPTER, FORGETS_SELECTIVELY, RETRIEVES, SERVES_MERGED, REMOTE_LLM);

    private Capabilities() {
    }
}
