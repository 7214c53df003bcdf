package org.adaptbench.reports.results;

/** What the measurements say about a claim. */
public enum Verdict {
    SUPPORTED,
    CONTRADICTED,
    MIXED,
    NOT_MEASURED
}
