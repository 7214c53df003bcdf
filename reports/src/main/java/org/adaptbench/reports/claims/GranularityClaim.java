package org.adaptbench.reports.claims;

import static org.adaptbench.reports.claims.ClaimThresholds.GRANULARITY_MARGIN;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.Claim;
import org.adaptbench.reports.results.ClaimBasis;
import org.adaptbench.reports.results.ClaimFigure;
import org.adaptbench.reports.results.Figures;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.ScenarioNames;
import org.adaptbench.reports.results.Verdict;

/** Memory personalizes per user; a fine-tuned model personalizes per model. */
final class GranularityClaim implements ClaimRule {

    static final String ID = ScenarioNames.GRANULARITY;
    static final String METRIC = MetricNames.ACCURACY_MINORITY;
    static final String STATEMENT = "Memory personalizes per user; fine-tuning personalizes per model, so users whose"
            + " preferences differ from the majority lose out.";
    static final String RULE = "Compares accuracy on minority answers (granularity scenario, accuracy_minority: queries whose"
            + " right answer is not the one most users asked the same question need) of memory against the strongest fine-tuning"
            + " approach measured on it (global-lora, variant-lora, user-lora at every cadence, domain-lora, combined's adapter"
            + " alone: the one memory is least ahead of decides, and every one is a comparison of the family). "
            + Paired.rule("memory is ahead of it", GRANULARITY_MARGIN)
            + " Not measured on data sets without a majority answer per question (PrefEval).";

    /** Every approach memory's figures hold a paired difference from, by name: the scenario's own and the known ones. */
    static List<String> opponents(ScenarioView view) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(view.approaches(ScenarioNames.GRANULARITY));
        view.results().approaches().forEach(info -> names.add(info.name()));
        names.addAll(ApproachNames.APPROACHES);
        names.remove(ApproachNames.MEMORY);
        return List.copyOf(names);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Claim evaluate(ScenarioView view, ComparisonFamily family) {
        Optional<MetricValue> memory = view.metric(ScenarioNames.GRANULARITY, ApproachNames.MEMORY, METRIC);
        List<Paired> against = new ArrayList<>();
        // the harness pairs memory with every fine-tuning opponent it measured (an adapter's part served alone included)
        for (String opponent : opponents(view)) {
            view.metric(ScenarioNames.GRANULARITY, ApproachNames.MEMORY, MetricNames.minus(METRIC, opponent)).ifPresent(diff -> against.add(
                    Paired.of(Claims.id(ID, view) + "/" + opponent, "memory − " + opponent + " on minority answers", ApproachNames.MEMORY,
                            opponent, METRIC, diff, family)));
        }
        if (memory.isEmpty() || against.isEmpty()) {
            return Claims.notMeasured(ID, STATEMENT, RULE, view, ScenarioNames.GRANULARITY,
                    METRIC + " of memory and its paired difference from a fine-tuning approach (" + MetricNames.minus(METRIC, "<approach>") + ")");
        }
        // the strongest opponent: the one memory is least ahead of
        Paired deciding = against.stream().min(Comparator.comparingDouble((Paired p) -> p.difference().value())
                .thenComparingDouble(p -> p.difference().ciLow())).orElseThrow();
        List<ClaimFigure> figures = new ArrayList<>();
        figures.add(deciding.figure());
        against.stream().filter(p -> p != deciding).forEach(p -> figures.add(p.figure()));
        figures.add(ClaimFigure.of("memory on minority answers", ApproachNames.MEMORY, METRIC, memory.get()));
        List<String> evidence = new ArrayList<>();
        evidence.add("memory on minority answers " + Figures.text(memory.get()));
        view.metric(ScenarioNames.GRANULARITY, deciding.opponent(), METRIC).ifPresent(value -> {
            evidence.add("the strongest fine-tuning opponent, " + deciding.opponent() + ", " + Figures.text(value));
            figures.add(ClaimFigure.of(deciding.opponent() + " on minority answers", deciding.opponent(), METRIC, value));
        });
        against.forEach(p -> evidence.add(p.describe()));
        Verdict verdict = deciding.verdict(GRANULARITY_MARGIN);
        return new Claim(Claims.id(ID, view), STATEMENT, String.join("; ", evidence), RULE, verdict)
                .withBasis(new ClaimBasis(deciding.figure(), deciding.why(GRANULARITY_MARGIN), figures));
    }
}
