package org.adaptbench.reports.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.adaptbench.reports.results.Claim;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ScenarioKey;
import org.adaptbench.reports.results.Verdict;

/**
 * The claims of the memory-versus-fine-tuning comparison with verdicts computed from a run's metrics
 * and the thresholds of {@link ClaimThresholds}; nothing here is typed by hand.
 *
 * <p>When a run covers several data sets (scenario keys {@code name@dataset}), each claim is judged
 * per data set and its id carries the suffix ({@code granularity@prefeval}); a data set on which a
 * claim was not measured is left out as long as another data set measured it.
 */
public final class ClaimsTable {

    private static final List<ClaimRule> RULES = List.of(
            new GranularityClaim(), new AdaptationSpeedClaim(), new CostClaim(), new ReversibilityClaim(), new CombinedClaim(),
            WhenToUseClaim.fineTuning(), WhenToUseClaim.memory());

    private ClaimsTable() {
    }

    /**
     * Every claim with its evidence and verdict, in a fixed order. Judged twice: the first pass collects
     * every paired comparison's p-value, the second judges with them Holm-adjusted as one family.
     */
    public static List<Claim> compute(Results results) {
        ComparisonFamily family = ComparisonFamily.collecting();
        judge(results, family);
        return judge(results, family.adjusted());
    }

    private static List<Claim> judge(Results results, ComparisonFamily family) {
        TreeSet<String> datasets = new TreeSet<>();
        results.scenarios().keySet().forEach(key -> datasets.add(ScenarioKey.parse(key).dataset()));
        if (datasets.isEmpty()) {
            datasets.add("");
        }
        List<Claim> claims = new ArrayList<>();
        for (ClaimRule rule : RULES) {
            List<Claim> perDataset = new ArrayList<>();
            for (String dataset : datasets) {
                perDataset.add(rule.evaluate(new ScenarioView(results, dataset), family));
            }
            List<Claim> measured = perDataset.stream().filter(c -> c.verdict() != Verdict.NOT_MEASURED).toList();
            if (measured.isEmpty()) {
                Claim first = perDataset.get(0);
                claims.add(first.withId(rule.id()));
            } else {
                claims.addAll(measured);
            }
        }
        return List.copyOf(claims);
    }
}
