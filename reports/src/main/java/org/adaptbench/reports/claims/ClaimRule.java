package org.adaptbench.reports.claims;

import org.adaptbench.reports.results.Claim;

/** One claim of the comparison and the rule that turns measurements into its verdict. */
interface ClaimRule {

    /** Stable snake_case id, the key CI and the results file use. */
    String id();

    /**
     * Evaluates the claim on one data set's metrics, registering every paired comparison it tests with
     * {@code family}; never throws for missing metrics (that is NOT_MEASURED).
     */
    Claim evaluate(ScenarioView view, ComparisonFamily family);
}
