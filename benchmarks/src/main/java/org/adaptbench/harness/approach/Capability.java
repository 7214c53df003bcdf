package org.adaptbench.harness.approach;

import org.adaptbench.reports.results.Capabilities;

/**
 * What an approach can do, declared by its registry entry; scenarios pick the approaches they
 * measure by these, never by name.
 */
public enum Capability {
    /** The unchanged model with nothing injected: the reference every lift is measured over. */
    REFERENCE(Capabilities.REFERENCE),
    /** Puts text into the request's context (memories, the transcript). */
    READS_CONTEXT(Capabilities.READS_CONTEXT),
    /** Changes model weights (LoRA adapters), so it cannot run on a remote LLM. */
    CHANGES_WEIGHTS(Capabilities.CHANGES_WEIGHTS),
    /** What one user says changes how that user is answered. */
    LEARNS_PER_USER(Capabilities.LEARNS_PER_USER),
    /** Retrains one adapter per user on a cadence. */
    RETRAINS_PER_USER(Capabilities.RETRAINS_PER_USER),
    /** Trained on a population before any user is replayed. */
    BATCH_TRAINED(Capabilities.BATCH_TRAINED),
    /** Serves the shared domain adapter, trained on users who are never evaluated. */
    DOMAIN_ADAPTER(Capabilities.DOMAIN_ADAPTER),
    /** Can delete one preference of one user and keep the rest. */
    FORGETS_SELECTIVELY(Capabilities.FORGETS_SELECTIVELY),
    /** Retrieves stored memories for a question, so retrieval can be scored against gold evidence. */
    RETRIEVES(Capabilities.RETRIEVES),
    /** Can be served merged into the base weights, as a single-tenant deployment would. */
    SERVES_MERGED(Capabilities.SERVES_MERGED),
    /** Needs no weights of its own, so a remote LLM can answer for it. */
    REMOTE_LLM(Capabilities.REMOTE_LLM);

    private final String wireName;

    Capability(String wireName) {
        this.wireName = wireName;
    }

    /** The name results.json lists the capability under (defined by the results schema). */
    public String wireName() {
        return wireName;
    }
}
