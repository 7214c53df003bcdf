package org.adaptbench.reports.claims;

import org.adaptbench.reports.results.Claim;
import org.adaptbench.reports.results.Verdict;

/** Helpers shared by the claim rules. */
final class Claims {

    private Claims() {
    }

    /** The claim id for a data set: {@code granularity} or {@code granularity@prefeval}. */
    static String id(String id, ScenarioView view) {
        return view.dataset().isEmpty() ? id : id + "@" + view.dataset();
    }

    static Claim notMeasured(String id, String statement, String rule, ScenarioView view, String scenario, String needed) {
        return new Claim(id(id, view), statement, "not measured: needs " + needed + " in scenario '" + view.key(scenario) + "'",
                rule, Verdict.NOT_MEASURED);
    }
}
